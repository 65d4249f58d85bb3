using System.Globalization;

namespace OrleansPortal.Web.Tracking.Protocols;

/// <summary>
/// Parses the numbers and times the apps send as text. Every method is a Try method: malformed input is the
/// normal case at this edge, never an exception. Times come out in UTC.
/// </summary>
internal static class WireValues
{
    // Traccar's rule for epoch values: below 2^31 they are seconds, otherwise milliseconds.
    private const long MillisecondsThreshold = 1L << 31;

    private static readonly long MinUnixMilliseconds = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
    private static readonly long MaxUnixMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    // ISO-8601 as the apps write it (fraction optional, Z / offset / nothing = UTC), and Traccar's "yyyy-MM-dd HH:mm:ss".
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>A finite number in invariant notation ("48.85", "-1e3"); NaN, Infinity and overflow are rejected.</summary>
    public static bool TryParseNumber(ReadOnlySpan<char> text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>Epoch seconds or milliseconds, ISO-8601, or <c>yyyy-MM-dd HH:mm:ss</c> (UTC).</summary>
    public static bool TryParseTime(ReadOnlySpan<char> text, out DateTimeOffset time)
    {
        text = text.Trim();
        if (LooksNumeric(text))
        {
            time = default;
            return TryParseNumber(text, out var epoch) && TryFromEpoch(epoch, out time);
        }
        return TryParseDate(text, out time);
    }

    /// <summary>ISO-8601 or <c>yyyy-MM-dd HH:mm:ss</c>; without a zone the time is UTC.</summary>
    public static bool TryParseDate(ReadOnlySpan<char> text, out DateTimeOffset time)
    {
        const DateTimeStyles styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        text = text.Trim();
        if (DateTimeOffset.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, styles, out time))
            return true;

        // An unencoded '+' in a query string arrives as a space: "2021-01-01T10:00:00 02:00" meant "+02:00".
        var space = text.LastIndexOf(' ');
        if (space <= 10 || text.Length > 64)
            return false;
        Span<char> repaired = stackalloc char[text.Length];
        text.CopyTo(repaired);
        repaired[space] = '+';
        return DateTimeOffset.TryParseExact(repaired, DateFormats, CultureInfo.InvariantCulture, styles, out time);
    }

    /// <summary>An epoch value by Traccar's rule: seconds below 2^31, milliseconds from there on.</summary>
    public static bool TryFromEpoch(double value, out DateTimeOffset time) =>
        TryFromUnixMilliseconds(value < MillisecondsThreshold ? value * 1000 : value, out time);

    public static bool TryFromUnixSeconds(double seconds, out DateTimeOffset time) =>
        TryFromUnixMilliseconds(seconds * 1000, out time);

    // Rounded to the millisecond: no phone reports finer, and a double holds whole milliseconds exactly.
    private static bool TryFromUnixMilliseconds(double milliseconds, out DateTimeOffset time)
    {
        time = default;
        if (!(milliseconds >= MinUnixMilliseconds && milliseconds <= MaxUnixMilliseconds)) // also false for NaN
            return false;
        time = DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(milliseconds));
        return true;
    }

    private static bool LooksNumeric(ReadOnlySpan<char> text)
    {
        var digits = text.Length > 0 && text[0] == '-' ? text[1..] : text;
        return !digits.IsEmpty && !digits.ContainsAnyExcept("0123456789.");
    }
}

namespace OrleansPortal.Grains.Notifications.Templates;

/// <summary>
/// Counts an SMS's characters and segments. GSM-7 fits 160 septets in a single message and 153 in each part of a
/// longer one (the rest of each part is the concatenation header); UCS-2 fits 70 and 67. A part never splits a
/// character: an extension character (escape plus character) or a surrogate pair that would straddle the boundary
/// moves whole to the next part, as phones and gateways do.
/// </summary>
public static class SmsLength
{
    // GSM 03.38 default alphabet (one septet each) and its extension table (escape + character, two septets each).
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Extension = "\f^{}\\[~]|€";

    private static readonly HashSet<char> BasicSet = [.. Basic];
    private static readonly HashSet<char> ExtensionSet = [.. Extension];

    public static SmsMeasure Measure(string text)
    {
        if (text.All(c => BasicSet.Contains(c) || ExtensionSet.Contains(c)))
        {
            var widths = text.Select(c => ExtensionSet.Contains(c) ? 2 : 1).ToList();
            return new(SmsEncoding.Gsm7, widths.Sum(), Segments(widths, single: 160, part: 153));
        }

        var units = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var pair = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            units.Add(pair ? 2 : 1);
            if (pair) i++;
        }
        return new(SmsEncoding.Ucs2, units.Sum(), Segments(units, single: 70, part: 67));
    }

    /// <summary>Which characters are not in GSM-7, so an editor can say what turned a message into UCS-2.</summary>
    public static IReadOnlyList<string> NonGsmCharacters(string text) =>
        text.EnumerateRunes().Select(r => r.ToString()).Where(s => s.Length > 1 || !(BasicSet.Contains(s[0]) || ExtensionSet.Contains(s[0]))).Distinct().ToList();

    private static int Segments(List<int> widths, int single, int part)
    {
        var total = widths.Sum();
        if (total == 0) return 0;
        if (total <= single) return 1;
        var (segments, used) = (1, 0);
        foreach (var width in widths)
        {
            if (used + width > part)
            {
                segments++;
                used = 0;
            }
            used += width;
        }
        return segments;
    }
}

using System.Text;
using AnyAscii;

namespace OrleansPortal.Grains.Geocoding;

/// <summary>
/// How address text is compared: folded to lower-case ASCII letters and digits ("São" is "sao", "1.º" is "1 o"),
/// everything else a separator. Accents go by AnyAscii's transliteration tables, since the app runs with invariant
/// globalization, where <see cref="string.Normalize()"/> leaves non-ASCII text as it is. Both the index and the query go through the same folding, so a dispatcher can type
/// without accents or capitals.
/// </summary>
public static class AddressText
{
    // Small words of street names (Portuguese, Spanish, French, English) that a query may leave out without it mattering.
    private static readonly HashSet<string> Particles = ["a", "o", "e", "de", "da", "do", "das", "dos", "del", "la", "le", "les", "des", "du", "of", "the"];

    /// <summary>The folded words of <paramref name="text"/>, in order.</summary>
    public static string[] Tokens(string? text) => Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Lower-case ASCII letters and digits, accents removed (other scripts transliterated), one space between words.</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var ascii = text.Transliterate();
        var folded = new StringBuilder(ascii.Length);
        var separated = true;
        foreach (var c in ascii)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                folded.Append(char.ToLowerInvariant(c));
                separated = false;
            }
            else if (!separated)
            {
                folded.Append(' ');
                separated = true;
            }
        }
        return folded.ToString().TrimEnd();
    }

    /// <summary>A house number as it is matched: folded, without separators ("12 A" and "12a" are the same house).</summary>
    public static string HouseKey(string houseNumber) => Fold(houseNumber).Replace(" ", "", StringComparison.Ordinal);

    /// <summary>The leading number of a house number (12 for "12A" and for "12-14"), for listing a street's houses in order; int.MaxValue when it has none.</summary>
    public static int HouseOrder(string houseNumber)
    {
        var value = 0;
        var digits = 0;
        foreach (var c in Fold(houseNumber))
        {
            if (!char.IsAsciiDigit(c) || digits == 9) break;
            value = value * 10 + (c - '0');
            digits++;
        }
        return digits == 0 ? int.MaxValue : value;
    }

    public static bool IsParticle(string token) => Particles.Contains(token);

    public static bool HasDigit(string token) => token.Any(char.IsAsciiDigit);
}

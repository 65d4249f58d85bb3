using System.Text;
using AnyAscii;

namespace OrleansPortal.Grains;

/// <summary>
/// How text people search is compared (addresses, customers' names, emails and phones): folded to lower-case ASCII
/// letters and digits ("São" is "sao", "1.º" is "1 o"), anything else a separator. Whatever is searched and whatever
/// is typed go through the same folding, so nobody has to type accents or capitals. Accents go by AnyAscii's
/// transliteration tables: the app runs with invariant globalization, where <see cref="string.Normalize()"/> leaves
/// non-ASCII text as it is.
/// </summary>
public static class SearchText
{
    /// <summary>The folded words of <paramref name="text"/>, in order.</summary>
    public static string[] Words(string? text) => Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

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
}

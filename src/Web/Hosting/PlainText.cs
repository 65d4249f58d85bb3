namespace OrleansPortal.Web.Hosting;

/// <summary>
/// Characters no name or note needs, refused wherever the API takes text that people will read:
/// <list type="bullet">
/// <item>control characters (U+0000–U+001F, U+007F–U+009F), except line feed, carriage return and tab in multi-line text;
/// a NUL or an escape sequence in a name breaks logs, CSV exports and terminals;</item>
/// <item>the bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder what follows,
/// so "invoice" + U+202E + "fdp.exe" shows as "invoiceexe.pdf" and a name can pass for another ("Trojan Source").</item>
/// </list>
/// The left-to-right and right-to-left marks (U+200E, U+200F, U+061C) are allowed: they only set the direction of
/// the neutral characters beside them, cannot reorder the text around them, and right-to-left names and addresses
/// with numbers need them to display correctly.
/// </summary>
public static class PlainText
{
    /// <summary>Whether <paramref name="text"/> has none of those characters; null and empty text have none.</summary>
    public static bool IsClean(string? text, bool multiline = false)
    {
        foreach (var c in text ?? "")
        {
            if (char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t')) return false;
            if (c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069') return false;
        }
        return true;
    }

    public static string Problem(string field) =>
        $"'{field}' cannot contain control characters or the bidirectional override characters U+202A–U+202E and U+2066–U+2069.";
}

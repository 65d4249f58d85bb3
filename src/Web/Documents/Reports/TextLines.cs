namespace OrleansPortal.Web.Documents.Reports;

/// <summary>Breaks text into lines that fit a width: at the text's own line breaks, then between words, and inside a word only when it alone is too wide (a long link).</summary>
public static class TextLines
{
    /// <param name="measure">The width a string takes in the font it will be drawn in.</param>
    public static IEnumerable<string> Wrap(string text, double width, Func<string, double> measure)
    {
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' '))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (measure(candidate) <= width)
                {
                    line = candidate;
                    continue;
                }
                if (line.Length > 0) yield return line;
                line = word;
                while (line.Length > 1 && measure(line) > width)
                {
                    var fits = FittingPrefix(line, width, measure);
                    yield return line[..fits];
                    line = line[fits..];
                }
            }
            yield return line; // an empty paragraph is a blank line, as the writer meant it
        }
    }

    // The longest prefix that fits, at least one character so the loop always advances.
    private static int FittingPrefix(string word, double width, Func<string, double> measure)
    {
        var (low, high) = (1, word.Length - 1);
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (measure(word[..middle]) <= width) low = middle;
            else high = middle - 1;
        }
        return low > 1 && char.IsHighSurrogate(word[low - 1]) ? low - 1 : low; // never half of an emoji
    }
}

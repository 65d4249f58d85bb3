using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace OrleansPortal.Grains.Notifications.Templates;

/// <summary>
/// The plain-text part of an email, from its HTML: paragraphs and table rows on lines of their own, list items with a
/// dash, line breaks kept, and links readable as "text (url)" (just the url when the text is the url).
/// </summary>
public static partial class HtmlText
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
        "table", "tr", "blockquote", "pre", "hr", "body",
    };

    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase) { "head", "title", "style", "script", "template" };

    public static string From(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var text = new StringBuilder();
        Write(document.DocumentElement, text);
        var lines = text.ToString().Split('\n').Select(l => Spaces().Replace(l, " ").Trim());
        return BlankLines().Replace(string.Join('\n', lines), "\n\n").Trim();
    }

    private static void Write(INode node, StringBuilder text)
    {
        switch (node)
        {
            case IText t:
                text.Append(Whitespace().Replace(t.Data, " "));
                return;
            case IElement e when Skipped.Contains(e.LocalName):
                return;
            case IElement { LocalName: "br" }:
                text.Append('\n');
                return;
            case IElement { LocalName: "img" } image:
                text.Append(image.GetAttribute("alt"));
                return;
            case IElement { LocalName: "a" } link:
                WriteLink(link, text);
                return;
            case IElement e:
                var block = Blocks.Contains(e.LocalName);
                var paragraph = e.LocalName is "p" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "table" or "ul" or "ol" or "blockquote";
                if (block) text.Append(paragraph ? "\n\n" : "\n");
                if (e.LocalName == "li") text.Append("- ");
                foreach (var child in e.ChildNodes) Write(child, text);
                if (block) text.Append(paragraph ? "\n\n" : "\n");
                return;
        }
    }

    private static void WriteLink(IElement link, StringBuilder text)
    {
        var inner = new StringBuilder();
        foreach (var child in link.ChildNodes) Write(child, inner);
        var label = Spaces().Replace(Whitespace().Replace(inner.ToString(), " "), " ").Trim();
        var href = link.GetAttribute("href")?.Trim() ?? "";
        var target = href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? href["mailto:".Length..] : href;
        if (target.Length == 0 || target == label) text.Append(label.Length > 0 ? label : target);
        else if (label.Length == 0) text.Append(target);
        else text.Append(label).Append(" (").Append(target).Append(')');
    }

    [GeneratedRegex(@"[ \t\r\n\f]+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(" {2,}")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();
}

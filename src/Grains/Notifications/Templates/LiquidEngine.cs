using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Fluid.Values;

namespace OrleansPortal.Grains.Notifications.Templates;

/// <summary>
/// The one Fluid parser and the two sets of render options (HTML and plain text). Both are thread-safe and costly to
/// build, so they are built once. Templates come from users: no functions, no file provider (include and render are
/// refused when saving anyway), and limits on steps and output so a loop cannot run away.
/// </summary>
internal static class LiquidEngine
{
    public const int MaxSteps = 20_000;
    public const int MaxOutputCharacters = 200_000;

    public static FluidParser Parser { get; } = new(new FluidParserOptions { AllowFunctions = false });

    /// <summary>Encodes what values print, but keeps letters such as "ç" as they are (the default encoder escapes all non-ASCII).</summary>
    public static HtmlEncoder Html { get; } = HtmlEncoder.Create(UnicodeRanges.All);

    public static TemplateOptions HtmlOptions { get; } = Build(html: true);

    public static TemplateOptions TextOptions { get; } = Build(html: false);

    private static TemplateOptions Build(bool html) =>
        new TemplateOptionsBuilder()
            .WithMaxSteps(MaxSteps)
            .WithMaxOutputSize(MaxOutputCharacters)
            .WithMaxRecursion(20)
            .WithMaxCollectionSize(1_000)
            // The built-in newline_to_br writes "<br />" that the HTML encoder then escapes; ours encodes the text itself
            // and marks the result as markup. In text channels a line break is already a line break.
            .AddFilter("newline_to_br", html ? NewlinesToBreaks : KeepNewlines)
            .Build();

    private static ValueTask<FluidValue> NewlinesToBreaks(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var encoded = Html.Encode(input.ToStringValue(context).ReplaceLineEndings("\n")).Replace("&#xA;", "<br>\n", StringComparison.Ordinal);
        return new(StringValue.Create(encoded, encode: false));
    }

    private static ValueTask<FluidValue> KeepNewlines(FluidValue input, FilterArguments arguments, TemplateContext context) =>
        new(StringValue.Create(input.ToStringValue(context)));
}

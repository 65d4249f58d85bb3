namespace OrleansPortal.Grains.Notifications.Templates;

/// <summary>
/// The languages templates are written in: "en" and "pt" (European Portuguese). A reader's language that is neither
/// (or a regional form such as "pt-BR", "en-GB") is mapped here, so every caller falls back the same way.
/// </summary>
public static class TemplateLanguage
{
    public const string English = "en";
    public const string Portuguese = "pt";

    public static IReadOnlyList<string> All { get; } = [English, Portuguese];

    /// <summary>True when <paramref name="language"/> is exactly one of <see cref="All"/> (as stored and as the API names them).</summary>
    public static bool IsSupported(string? language) => language is English or Portuguese;

    /// <summary>The template language for a reader's language tag: its primary subtag when supported, else English.</summary>
    public static string For(string? language)
    {
        var primary = language?.Split('-', '_')[0].Trim().ToLowerInvariant();
        return IsSupported(primary) ? primary! : English;
    }
}

using System.Text.RegularExpressions;
using OrleansPortal.Grains.Notifications.Templates;

namespace OrleansPortal.Web.Notifications.Composer;

/// <summary>
/// A marketing text message ends by saying how to stop them (carriers and Twilio expect it; STOP is honoured by the
/// inbound webhook), unless it already names the STOP keyword. Only the keyword in capitals counts: "we will stop by on
/// Tuesday" is no opt-out hint.
/// </summary>
public static partial class MarketingSms
{
    public static string OptOutHint(string language) =>
        language == TemplateLanguage.Portuguese ? "Responda STOP para deixar de receber." : "Reply STOP to opt out.";

    public static string WithOptOutHint(string text, string language) =>
        StopKeyword().IsMatch(text) ? text : $"{text.TrimEnd()}\n{OptOutHint(language)}";

    [GeneratedRegex(@"\bSTOP\b")]
    private static partial Regex StopKeyword();
}

using System.ComponentModel.DataAnnotations;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Notifications.Templates;

namespace OrleansPortal.Web.Notifications.Templates;

/// <summary>A template in force for a trigger, channel and language. Subject is the email subject or the in-app/push title; null for SMS.</summary>
/// <param name="IsDefault">The company has not written its own.</param>
/// <param name="Enabled">The trigger's switch on this channel.</param>
public sealed record NotificationTemplateDto(
    NotificationTrigger Trigger, NotificationChannel Channel, string Language, string? Subject, string Body, bool IsDefault, bool Enabled);

public sealed record TriggerSwitchDto(NotificationTrigger Trigger, NotificationChannel Channel, bool Enabled);

public sealed record NotificationTemplatesDto(IReadOnlyList<NotificationTemplateDto> Templates, IReadOnlyList<TriggerSwitchDto> Switches);

/// <summary>A template's text as the editor sends it. Subject: the email subject, or the in-app/push title; leave it out for SMS.</summary>
public sealed record SaveTemplateRequest(
    [property: MaxLength(TemplateValidator.MaxSubjectLength)] string? Subject,
    [property: MaxLength(TemplateValidator.MaxEmailBodyLength)] string? Body);

public sealed record SwitchRequest(bool? Enabled);

/// <summary>A template to try out, not saved: it is rendered with the trigger's sample data.</summary>
public sealed record PreviewRequest(
    [property: MaxLength(InputLimits.Code)] string? Trigger,
    [property: MaxLength(InputLimits.Code)] string? Channel,
    [property: MaxLength(InputLimits.Code)] string? Language,
    [property: MaxLength(TemplateValidator.MaxSubjectLength)] string? Subject,
    [property: MaxLength(TemplateValidator.MaxEmailBodyLength)] string? Body);

/// <summary>An SMS's length: GSM-7 or UCS-2, characters as the network counts them, and segments billed.</summary>
/// <param name="NonGsmCharacters">The characters that made it UCS-2 (empty for GSM-7).</param>
public sealed record SmsLengthDto(SmsEncoding Encoding, int Characters, int Segments, IReadOnlyList<string> NonGsmCharacters);

/// <summary>A rendered preview: Html only for email; Text always (for email, its plain-text part); Sms only for SMS.</summary>
public sealed record PreviewDto(string? Subject, string? Html, string Text, SmsLengthDto? Sms);

public sealed record TemplateVariableDto(string Name, string Meaning, string Example, IReadOnlyList<NotificationTrigger> Triggers);

public sealed record TemplateFilterDto(string Name, string Meaning);

public sealed record TemplateCatalogueDto(IReadOnlyList<TemplateVariableDto> Variables, IReadOnlyList<TemplateFilterDto> Filters);

public static class NotificationTemplateMapping
{
    public static NotificationTemplateDto AsDto(this TemplateInForce inForce) =>
        new(inForce.Template.Trigger, inForce.Template.Channel, inForce.Template.Language, inForce.Template.Subject, inForce.Template.Body, inForce.IsDefault, inForce.Enabled);

    public static TriggerSwitchDto AsDto(this TriggerSwitch toggle) => new(toggle.Trigger, toggle.Channel, toggle.Enabled);

    public static NotificationTemplatesDto AsDto(this NotificationSettings settings) =>
        new([.. settings.Templates.Select(AsDto)], [.. settings.Switches.Select(AsDto)]);

    public static TemplateVariableDto AsDto(this TemplateVariable variable) =>
        new(variable.Name, variable.Meaning, variable.Example, [.. variable.Triggers.Order()]);

    /// <summary>The errors by field ("subject", "body", "template"), as a ValidationProblem's errors.</summary>
    public static Dictionary<string, string[]> AsProblemErrors(this IEnumerable<TemplateError> errors) =>
        errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
}

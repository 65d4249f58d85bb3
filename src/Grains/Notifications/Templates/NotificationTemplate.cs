using Orleans;

namespace OrleansPortal.Grains.Notifications.Templates;

/// <summary>
/// A message's Liquid source for one trigger, channel and language. By channel: Email has a subject and an HTML body;
/// Sms a text body and no subject; InApp and Push a title (in <see cref="Subject"/>) and a text body.
/// </summary>
/// <param name="Language">"en" or "pt" (<see cref="TemplateLanguage"/>).</param>
[GenerateSerializer, Immutable, Alias("op.NotificationTemplate")]
public sealed record NotificationTemplate(
    [property: Id(0)] NotificationTrigger Trigger,
    [property: Id(1)] NotificationChannel Channel,
    [property: Id(2)] string Language,
    [property: Id(3)] string? Subject,
    [property: Id(4)] string Body);

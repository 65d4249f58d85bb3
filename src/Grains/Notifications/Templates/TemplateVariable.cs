namespace OrleansPortal.Grains.Notifications.Templates;

/// <summary>A value templates may print, by its Liquid path (snake_case, for example "window.range").</summary>
/// <param name="Example">What it looks like in English, for the catalogue and the docs.</param>
/// <param name="Triggers">The triggers whose messages carry it; empty for marketing-only values.</param>
public sealed record TemplateVariable(string Name, string Meaning, string Example, IReadOnlySet<NotificationTrigger> Triggers)
{
    public bool IsOfferedFor(NotificationTrigger trigger) => Triggers.Contains(trigger);
}

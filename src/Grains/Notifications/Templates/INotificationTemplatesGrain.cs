using Orleans;

namespace OrleansPortal.Grains.Notifications.Templates;

/// <summary>
/// A company's communication settings, keyed by tenant id: its own versions of templates (where it has written one;
/// the default otherwise) and a switch per trigger and channel. Every (trigger, channel) pair that has templates
/// (<see cref="TemplateChannels"/>) is switched on until the company switches it off.
/// </summary>
[Alias("op.INotificationTemplatesGrain")]
public interface INotificationTemplatesGrain : IGrainWithStringKey
{
    /// <summary>Every trigger x channel x language with the template in force, and every switch.</summary>
    Task<NotificationSettings> GetSettingsAsync();

    /// <summary>
    /// Makes the template the company's own for its trigger, channel and language. An invalid one throws
    /// <see cref="TemplateRejectedException"/> with every error, and changes nothing.
    /// </summary>
    Task<TemplateInForce> SaveTemplateAsync(NotificationTemplate template);

    /// <summary>Goes back to the default for the trigger, channel and language; returns it. Nothing to reset is not an error.</summary>
    Task<TemplateInForce> ResetTemplateAsync(NotificationTrigger trigger, NotificationChannel channel, string language);

    /// <summary>Switches a trigger's messages on a channel on or off; throws <see cref="NotFoundException"/> for a pair without templates.</summary>
    Task<TriggerSwitch> SetEnabledAsync(NotificationTrigger trigger, NotificationChannel channel, bool enabled);

    /// <summary>
    /// The template in force for a message (the company's own, else the default) and whether its switch is on. A
    /// language other than "en" or "pt" reads English. Null when the trigger has no template on that channel.
    /// </summary>
    Task<TemplateInForce?> ResolveAsync(NotificationTrigger trigger, NotificationChannel channel, string language);
}

/// <param name="IsDefault">True when the company has not written its own.</param>
/// <param name="Enabled">The switch of the template's trigger and channel.</param>
[GenerateSerializer, Immutable, Alias("op.TemplateInForce")]
public sealed record TemplateInForce([property: Id(0)] NotificationTemplate Template, [property: Id(1)] bool IsDefault, [property: Id(2)] bool Enabled);

[GenerateSerializer, Immutable, Alias("op.TriggerSwitch")]
public sealed record TriggerSwitch([property: Id(0)] NotificationTrigger Trigger, [property: Id(1)] NotificationChannel Channel, [property: Id(2)] bool Enabled);

[GenerateSerializer, Immutable, Alias("op.NotificationSettings")]
public sealed record NotificationSettings([property: Id(0)] IReadOnlyList<TemplateInForce> Templates, [property: Id(1)] IReadOnlyList<TriggerSwitch> Switches);

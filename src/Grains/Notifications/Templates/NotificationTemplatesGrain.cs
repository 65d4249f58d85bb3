using Orleans;
using Orleans.Runtime;

namespace OrleansPortal.Grains.Notifications.Templates;

[GenerateSerializer, Alias("op.NotificationTemplatesState")]
public sealed class NotificationTemplatesState
{
    /// <summary>The company's own templates; a pair and language not here uses the default.</summary>
    [Id(0)]
    public List<NotificationTemplate> Overrides { get; set; } = [];

    /// <summary>Only the switches the company turned off: a new trigger or channel starts on.</summary>
    [Id(1)]
    public List<TriggerSwitch> Disabled { get; set; } = [];
}

/// <summary>The company's templates and switches (<see cref="INotificationTemplatesGrain"/>). Validation runs before anything changes.</summary>
public sealed class NotificationTemplatesGrain([PersistentState("notificationTemplates")] IPersistentState<NotificationTemplatesState> state)
    : Grain, INotificationTemplatesGrain
{
    public Task<NotificationSettings> GetSettingsAsync()
    {
        var templates = TemplateChannels.All
            .SelectMany(pair => TemplateLanguage.All.Select(language => InForce(pair.Trigger, pair.Channel, language)!))
            .ToList();
        var switches = TemplateChannels.All.Select(pair => new TriggerSwitch(pair.Trigger, pair.Channel, IsEnabled(pair.Trigger, pair.Channel))).ToList();
        return Task.FromResult(new NotificationSettings(templates, switches));
    }

    public async Task<TemplateInForce> SaveTemplateAsync(NotificationTemplate template)
    {
        var errors = TemplateValidator.Validate(template);
        if (errors.Count > 0) throw new TemplateRejectedException(errors);
        var saved = template with { Subject = TemplateChannels.HasSubject(template.Channel) ? template.Subject : null };
        var overrides = state.State.Overrides;
        var existing = overrides.FindIndex(o => SameKey(o, saved.Trigger, saved.Channel, saved.Language));
        if (existing >= 0 && overrides[existing] == saved) return InForce(saved.Trigger, saved.Channel, saved.Language)!;
        if (existing >= 0) overrides[existing] = saved;
        else overrides.Add(saved);
        await state.WriteStateAsync();
        return InForce(saved.Trigger, saved.Channel, saved.Language)!;
    }

    public async Task<TemplateInForce> ResetTemplateAsync(NotificationTrigger trigger, NotificationChannel channel, string language)
    {
        EnsureOffered(trigger, channel, language);
        if (state.State.Overrides.RemoveAll(o => SameKey(o, trigger, channel, language)) > 0) await state.WriteStateAsync();
        return InForce(trigger, channel, language)!;
    }

    public async Task<TriggerSwitch> SetEnabledAsync(NotificationTrigger trigger, NotificationChannel channel, bool enabled)
    {
        EnsureOffered(trigger, channel, TemplateLanguage.English);
        if (IsEnabled(trigger, channel) != enabled)
        {
            if (enabled) state.State.Disabled.RemoveAll(s => s.Trigger == trigger && s.Channel == channel);
            else state.State.Disabled.Add(new TriggerSwitch(trigger, channel, false));
            await state.WriteStateAsync();
        }
        return new TriggerSwitch(trigger, channel, enabled);
    }

    public Task<TemplateInForce?> ResolveAsync(NotificationTrigger trigger, NotificationChannel channel, string language) =>
        Task.FromResult(InForce(trigger, channel, TemplateLanguage.For(language)));

    private TemplateInForce? InForce(NotificationTrigger trigger, NotificationChannel channel, string language)
    {
        var own = state.State.Overrides.Find(o => SameKey(o, trigger, channel, language));
        var template = own ?? DefaultTemplates.Find(trigger, channel, language);
        return template is null ? null : new TemplateInForce(template, own is null, IsEnabled(trigger, channel));
    }

    private bool IsEnabled(NotificationTrigger trigger, NotificationChannel channel) =>
        !state.State.Disabled.Exists(s => s.Trigger == trigger && s.Channel == channel);

    private static bool SameKey(NotificationTemplate template, NotificationTrigger trigger, NotificationChannel channel, string language) =>
        template.Trigger == trigger && template.Channel == channel && template.Language == language;

    private static void EnsureOffered(NotificationTrigger trigger, NotificationChannel channel, string language)
    {
        if (!TemplateChannels.IsOffered(trigger, channel)) throw new NotFoundException($"{trigger} messages have no {channel} template.");
        if (!TemplateLanguage.IsSupported(language)) throw new NotFoundException($"There are no templates in '{language}': the languages are {string.Join(", ", TemplateLanguage.All)}.");
    }
}

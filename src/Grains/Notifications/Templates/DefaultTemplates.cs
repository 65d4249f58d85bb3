namespace OrleansPortal.Grains.Notifications.Templates;

/// <summary>
/// The templates a company has until it writes its own: every trigger on every channel it offers
/// (<see cref="TemplateChannels"/>), in English and in European Portuguese. SMS defaults are short: English ones fit
/// one or two GSM-7 segments with typical values; Portuguese letters such as ç, ã and õ are not in GSM-7, so a
/// Portuguese SMS is UCS-2 (70 characters a segment, 67 when longer) and its defaults aim at two segments.
/// </summary>
public static class DefaultTemplates
{
    private static readonly Dictionary<(NotificationTrigger, NotificationChannel, string), NotificationTemplate> ByKey =
        EnglishDefaults.All.Concat(PortugueseDefaults.All).ToDictionary(t => (t.Trigger, t.Channel, t.Language));

    public static IEnumerable<NotificationTemplate> All => ByKey.Values;

    /// <summary>The default for a trigger, channel and language ("en" or "pt"); null when the trigger has no template on that channel.</summary>
    public static NotificationTemplate? Find(NotificationTrigger trigger, NotificationChannel channel, string language) =>
        ByKey.GetValueOrDefault((trigger, channel, TemplateLanguage.For(language)));
}

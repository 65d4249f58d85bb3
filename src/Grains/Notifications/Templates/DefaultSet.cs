namespace OrleansPortal.Grains.Notifications.Templates;

/// <summary>Builds one language's defaults: a line per channel keeps the tables of texts readable.</summary>
internal sealed class DefaultSet(string language)
{
    private readonly List<NotificationTemplate> _templates = [];

    public IReadOnlyList<NotificationTemplate> Templates => _templates;

    public DefaultSet Email(NotificationTrigger trigger, string subject, string html) => Add(trigger, NotificationChannel.Email, subject, html);

    public DefaultSet Sms(NotificationTrigger trigger, string text) => Add(trigger, NotificationChannel.Sms, null, text);

    public DefaultSet InApp(NotificationTrigger trigger, string title, string text) => Add(trigger, NotificationChannel.InApp, title, text);

    public DefaultSet Push(NotificationTrigger trigger, string title, string text) => Add(trigger, NotificationChannel.Push, title, text);

    private DefaultSet Add(NotificationTrigger trigger, NotificationChannel channel, string? subject, string body)
    {
        _templates.Add(new NotificationTemplate(trigger, channel, language, subject, body));
        return this;
    }
}

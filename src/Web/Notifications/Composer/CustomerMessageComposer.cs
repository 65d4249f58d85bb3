using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Companies;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Notifications.Outbox;
using OrleansPortal.Grains.Notifications.Templates;
using OrleansPortal.Grains.Notifications.CustomerMessages;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Notifications.Unsubscribe;

namespace OrleansPortal.Web.Notifications.Composer;

/// <summary>
/// Turns a <see cref="SendMessageRequest"/> into the message the contact would receive: the company's template in force
/// for the trigger (Message for free text), rendered with what is known without a visit (company, customer, contact,
/// portal link; visit variables stay unset, as templates test for them), on an address the contact has for the channel.
/// The same composition serves the preview and the send, so what the dispatcher sees is what goes out.
/// </summary>
public sealed partial class CustomerMessageComposer(IClusterClient grains, DomainClock clock, IOptions<NotificationLinkOptions> options, UnsubscribeTokens unsubscribeTokens)
{
    /// <summary>The most free text a message may carry: ten SMS segments' worth, so a text the form takes fits any channel.</summary>
    public const int MaxTextLength = TemplateValidator.MaxTextBodyLength;

    /// <summary>The longest SMS Twilio takes (its error 21617 beyond).</summary>
    public const int MaxSmsLength = TemplateValidator.MaxTextBodyLength;

    private static readonly NotificationChannel[] Channels = [NotificationChannel.Email, NotificationChannel.Sms, NotificationChannel.InApp];

    /// <summary>
    /// The composed message, or the problems by field ("contactId", "channel", "trigger", "language", "subject", "text", "marketing").
    /// With <paramref name="sending"/> false (a preview) an empty text is no problem: the dispatcher has not typed yet.
    /// </summary>
    public async Task<ComposedMessage> ComposeAsync(string tenantId, CustomerSnapshot customer, SendMessageRequest request, bool sending)
    {
        var problems = new Dictionary<string, string[]>();
        var contact = customer.Contacts.FirstOrDefault(c => c.ContactId == request.ContactId);
        if (contact is null) problems["contactId"] = ["Choose one of the customer's contacts."];

        var channel = default(NotificationChannel);
        if (!EnumName.TryParse(request.Channel, out channel) || !Channels.Contains(channel))
            problems["channel"] = [$"Name a channel: {string.Join(", ", Channels)}."];
        else if (contact is not null && CustomerMessageWriter.AddressOf(contact, channel, customer) is null)
            problems["channel"] = [$"{contact.Name} has no {(channel == NotificationChannel.Sms ? "phone number" : "email address")} to send this to."];

        var trigger = NotificationTrigger.Message;
        if (!string.IsNullOrWhiteSpace(request.Trigger) && !EnumName.TryParse(request.Trigger, out trigger))
            problems["trigger"] = [$"Name a template's trigger: {string.Join(", ", Enum.GetNames<NotificationTrigger>())}."];

        var language = request.Language ?? contact?.Preferences.Language ?? options.Value.DefaultLanguage;
        if (!TemplateLanguage.IsSupported(language)) problems["language"] = [$"Name a language: {string.Join(", ", TemplateLanguage.All)}."];

        CheckText(request, trigger, sending, problems);
        var marketing = request.Marketing == true;
        if (marketing && trigger != NotificationTrigger.Message) problems["marketing"] = ["A marketing message is your own text: choose \"My own text\", not a template."];
        else if (marketing && channel == NotificationChannel.InApp) problems["marketing"] = ["Marketing goes by email or text message, to contacts who opted in; the portal's bell is for service messages."];
        if (request.Subject is not null && channel == NotificationChannel.Sms) problems["subject"] = ["A text message has no subject."];
        else if (!PlainText.IsClean(request.Subject)) problems["subject"] = [PlainText.Problem("subject")];
        if (problems.Count > 0) return ComposedMessage.Refused(problems);

        var resolved = await grains.GetGrain<INotificationTemplatesGrain>(tenantId).ResolveAsync(trigger, channel, language);
        if (resolved is null) return ComposedMessage.Refused(new() { ["trigger"] = [$"{trigger} messages have no template for {channel}."] });
        if (!resolved.Enabled)
            return ComposedMessage.Refused(new() { ["channel"] = [$"Your company has switched {trigger} messages off for {channel}: switch them on in the message templates first."] });

        var address = CustomerMessageWriter.AddressOf(contact!, channel, customer)!;
        var model = await ModelAsync(tenantId, customer, contact!, language);
        if (trigger == NotificationTrigger.Message) model.Message(request.Text?.Trim() ?? "");
        // The footer's link works for a year; a preview's is a dead sample, so the dispatcher cannot unsubscribe the contact from it.
        if (marketing && channel == NotificationChannel.Email)
            model.Link("links.unsubscribe", sending ? unsubscribeTokens.UrlFor(new(tenantId, customer.CustomerId, contact!.ContactId, channel, address)) : options.Value.Unsubscribe("preview"));
        RenderedMessage rendered;
        try
        {
            rendered = WithSubject(TemplateRenderer.Render(resolved.Template, model), request.Subject);
            if (marketing && channel == NotificationChannel.Sms) rendered = rendered with { Text = MarketingSms.WithOptOutHint(rendered.Text, language) };
        }
        catch (TemplateRejectedException rejected) // a company template that ran past the render limits
        {
            return ComposedMessage.Refused(new() { ["trigger"] = [.. rejected.Errors.Select(e => e.Message)] });
        }

        if (channel == NotificationChannel.Sms && rendered.Text.Length > MaxSmsLength)
            return ComposedMessage.Refused(new() { ["text"] = [$"As a text message this is {rendered.Text.Length} characters; the most one can carry is {MaxSmsLength}. Shorten it by {rendered.Text.Length - MaxSmsLength}."] }, rendered);

        var message = new OutgoingMessage(
            tenantId, $"Message:{Guid.NewGuid():N}", trigger, channel, address, customer.CustomerId, contact!.ContactId,
            TicketId: null, language, rendered.Subject, rendered.Text, rendered.Html, Urgent: false, Marketing: marketing, NotBefore: clock.GetUtcNow());
        return ComposedMessage.Ready(message, rendered);
    }

    private static void CheckText(SendMessageRequest request, NotificationTrigger trigger, bool sending, Dictionary<string, string[]> problems)
    {
        var text = request.Text?.Trim() ?? "";
        if (trigger != NotificationTrigger.Message)
        {
            if (text.Length > 0) problems["text"] = [$"A {trigger} message is written by its template: leave the text empty, or send free text as a Message."];
            return;
        }

        if (text.Length == 0 && sending) problems["text"] = ["Write the message."];
        else if (text.Length > MaxTextLength) problems["text"] = [$"The message is {text.Length} characters; the most is {MaxTextLength}."];
        else if (!PlainText.IsClean(text, multiline: true)) problems["text"] = [PlainText.Problem("text")];
    }

    private async Task<NotificationModel> ModelAsync(string tenantId, CustomerSnapshot customer, CustomerContact contact, string language)
    {
        var company = await grains.GetGrain<ICompanyGrain>(tenantId).GetAsync();
        var settings = await grains.GetGrain<IDispatchGrain>(tenantId).GetSettingsAsync();
        return CustomerMessageWriter.ModelFor(language, settings.TimeZone, company, customer, contact, options.Value.Portal());
    }

    /// <summary>The dispatcher's own subject in place of the template's, in the email's title as well.</summary>
    private static RenderedMessage WithSubject(RenderedMessage rendered, string? subject)
    {
        if (string.IsNullOrWhiteSpace(subject)) return rendered;
        var oneLine = subject.Trim();
        var html = rendered.Html is null ? null : Title().Replace(rendered.Html, $"<title>{HtmlEncoder.Default.Encode(oneLine)}</title>", 1);
        return rendered with { Subject = oneLine, Html = html };
    }


    [GeneratedRegex("<title>.*?</title>", RegexOptions.Singleline)]
    private static partial Regex Title();
}

using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Fluid;

namespace OrleansPortal.Grains.Notifications.Templates;

/// <summary>
/// Turns a template and a model into the message to send. The whole API the trigger engine needs:
/// <code>
/// var resolved = await grains.GetGrain&lt;INotificationTemplatesGrain&gt;(tenantId).ResolveAsync(trigger, channel, language);
/// if (resolved is { Enabled: true })
///     RenderedMessage message = TemplateRenderer.Render(resolved.Template, new NotificationModel(language, zone).Company(...)...);
/// </code>
/// Email: the body's printed values are HTML-encoded, the result is sanitized (<see cref="EmailSanitizer"/>), framed
/// in the company layout, and given a plain-text part derived from that HTML. SMS, in-app and push are plain text,
/// printed as they are (no encoding). A template that does not pass <see cref="TemplateValidator"/>, or that runs past
/// the render limits (a runaway loop), throws <see cref="TemplateRejectedException"/>.
/// </summary>
public static partial class TemplateRenderer
{
    // Templates that passed validation, with their parsed fields: every message of a trigger renders the same few
    // templates, and validating and parsing cost more than rendering. Bounded: emptied when full (edits make new ones).
    private const int MaxKept = 1_000;
    private static readonly ConcurrentDictionary<NotificationTemplate, (IFluidTemplate? Subject, IFluidTemplate Body)> Ready = new();

    public static RenderedMessage Render(NotificationTemplate template, NotificationModel model)
    {
        var (subjectTemplate, bodyTemplate) = Prepared(template);

        var subject = subjectTemplate is { } s ? OneLine(Run(s, model, TemplateError.SubjectField, html: false)) : null;
        if (template.Channel != NotificationChannel.Email)
            return new RenderedMessage(subject, null, Run(bodyTemplate, model, TemplateError.BodyField, html: false).Trim());

        var body = EmailSanitizer.Clean(Run(bodyTemplate, model, TemplateError.BodyField, html: true));
        var html = EmailLayout.Wrap(subject ?? "", body, model);
        return new RenderedMessage(subject, html, HtmlText.From(html));
    }

    /// <summary>The template's parsed subject and body; throws <see cref="TemplateRejectedException"/> when it does not validate.</summary>
    private static (IFluidTemplate? Subject, IFluidTemplate Body) Prepared(NotificationTemplate template)
    {
        if (Ready.TryGetValue(template, out var ready)) return ready;
        var errors = TemplateValidator.Validate(template);
        if (errors.Count > 0) throw new TemplateRejectedException(errors);
        ready = (template.Subject is { } subject ? LiquidEngine.Parser.Parse(subject) : null, LiquidEngine.Parser.Parse(template.Body));
        if (Ready.Count >= MaxKept) Ready.Clear();
        Ready[template] = ready;
        return ready;
    }

    private static string Run(IFluidTemplate parsed, NotificationModel model, string field, bool html)
    {
        var context = new TemplateContext(html ? LiquidEngine.HtmlOptions : LiquidEngine.TextOptions);
        foreach (var group in model.Values.GroupBy(v => v.Key[..v.Key.IndexOf('.')]))
            context.SetValue(group.Key, group.ToDictionary(v => v.Key[(group.Key.Length + 1)..], object (v) => v.Value));
        try
        {
            return parsed.Render(context, html ? LiquidEngine.Html : NullEncoder.Default);
        }
        catch (InvalidOperationException ex) // Fluid's limits (steps, output size) stop a render this way
        {
            throw new TemplateRejectedException([new TemplateError(field, $"The {field} takes too much work to produce: {ex.Message}")]);
        }
    }

    private static string OneLine(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

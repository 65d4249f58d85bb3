using System.Text.Json;
using OrleansPortal.Grains.Notifications.Outbox;

namespace OrleansPortal.Web.Notifications.WebPush;

/// <summary>
/// What the phone's service worker receives (the plaintext of an encrypted push) and shows: a title, a body, a tag per
/// job (a second push about the same job replaces the first on the lock screen, a duplicate included) and where a tap goes.
/// </summary>
public sealed record PushPayload(string Title, string Body, string Tag, string Url, bool Urgent)
{
    /// <summary>
    /// The most plaintext one push carries here. Push services must take 4096 bytes of encrypted body (RFC 8291 section 4);
    /// the header (86), the record's tag (16) and its delimiter (1) leave 3993, and some services take less.
    /// </summary>
    public const int MaxBytes = 3000;

    /// <summary>Where a tap on the notification leads: the technician's page, which lists the job.</summary>
    public const string TechPage = "/tech/";

    public static PushPayload For(OutboxMessage message) =>
        new(message.Message.Subject ?? "", message.Message.Text, message.Message.TicketId is { } ticket ? $"job-{ticket}" : $"message-{message.Id}", TechPage, message.Message.Urgent);

    /// <summary>The payload as JSON within <see cref="MaxBytes"/>: a body too long for one push is cut with an ellipsis (the page has it whole).</summary>
    public byte[] ToJson()
    {
        var payload = this;
        while (true)
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(payload, JsonSerializerOptions.Web);
            if (json.Length <= MaxBytes || payload.Body.Length == 0) return json;
            var keep = Math.Max(0, payload.Body.Length * MaxBytes / json.Length - 2);
            if (keep > 0 && char.IsHighSurrogate(payload.Body[keep - 1])) keep--; // never half an emoji
            payload = payload with { Body = keep == 0 ? "" : payload.Body[..keep].TrimEnd() + "…" };
        }
    }
}

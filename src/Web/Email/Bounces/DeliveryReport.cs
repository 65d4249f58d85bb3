using MimeKit;

namespace OrleansPortal.Web.Email.Bounces;

/// <summary>
/// What a delivery status notification (RFC 3464: multipart/report; report-type=delivery-status) says: what became of
/// each recipient, and which message it reports on, as far as the reporting server copied it (the original's
/// Message-Id in its headers, returned as text/rfc822-headers or the whole message/rfc822).
/// </summary>
public sealed record DeliveryReport(IReadOnlyList<RecipientOutcome> Recipients, IReadOnlyList<string> OriginalMessageIds)
{
    /// <summary>
    /// Whether the report can be about the message with this Message-Id: it names it, or it names no message at all (some
    /// servers return nothing of the original; the return path it came to names the message then). A report naming
    /// another message is not about this one.
    /// </summary>
    public bool CanBeAbout(string messageId) =>
        OriginalMessageIds.Count == 0 || OriginalMessageIds.Contains(messageId, StringComparer.OrdinalIgnoreCase);

    /// <summary>The first recipient the report says delivery failed for, for good; null when it reports none (a delay, a success).</summary>
    public RecipientOutcome? Failure => Recipients.FirstOrDefault(r => r.Failed);

    /// <summary>The report in <paramref name="message"/>; null when it is not a delivery status notification (an auto-reply, a person's answer).</summary>
    public static DeliveryReport? Read(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var report = message.Body is { } body ? Reports(body).FirstOrDefault() : null;
        if (report is null) return null;
        var status = report.OfType<MessageDeliveryStatus>().FirstOrDefault();
        if (status is null) return null;

        var groups = status.StatusGroups;
        var recipients = new List<RecipientOutcome>();
        for (var i = 1; i < groups.Count; i++) // the first group is about the message, each further one about a recipient
        {
            var fields = groups[i];
            if (fields["Action"] is not { Length: > 0 } action) continue;
            recipients.Add(new RecipientOutcome(AddressOf(fields["Final-Recipient"] ?? fields["Original-Recipient"]), action.Trim().ToLowerInvariant(),
                fields["Status"]?.Trim(), Unfolded(fields["Diagnostic-Code"])));
        }

        return new DeliveryReport(recipients, [.. report.Skip(1).SelectMany(OriginalIds).Distinct(StringComparer.OrdinalIgnoreCase)]);
    }

    private static IEnumerable<MultipartReport> Reports(MimeEntity entity) => entity switch
    {
        MultipartReport r when string.Equals(r.ReportType, "delivery-status", StringComparison.OrdinalIgnoreCase) => [r],
        Multipart m => m.SelectMany(Reports),
        _ => [],
    };

    private static IEnumerable<string> OriginalIds(MimeEntity part)
    {
        // message/rfc822 and text/rfc822-headers alike: MimeKit reads both as a message (the latter with headers alone).
        var headers = part is MessagePart { Message: { } original } ? original.Headers : null;
        return headers?[HeaderId.MessageId] is { } id && MimeKit.Utils.MimeUtils.EnumerateReferences(id).FirstOrDefault() is { } parsed ? [parsed] : [];
    }

    /// <summary>"rfc822; maria@example.com" as the address alone.</summary>
    private static string? AddressOf(string? field)
    {
        if (string.IsNullOrWhiteSpace(field)) return null;
        var semicolon = field.IndexOf(';', StringComparison.Ordinal);
        return (semicolon < 0 ? field : field[(semicolon + 1)..]).Trim();
    }

    private static string? Unfolded(string? value) =>
        value is null ? null : string.Join(' ', value.Split(['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>One recipient of a delivery report: its action (failed, delayed, delivered, relayed, expanded), status code (5.1.1) and the server's words.</summary>
public sealed record RecipientOutcome(string? Recipient, string Action, string? Status, string? Diagnostic)
{
    public bool Failed => Action == "failed";

    /// <summary>
    /// The address itself is bad (RFC 3463 class 5, subject 1: no such mailbox, no such domain, bad syntax): worth not
    /// mailing again. A full mailbox (5.2.2) or a refused message (5.7.x) says nothing against the next message.
    /// </summary>
    public bool AddressIsBad => Failed && Status is { } s && s.StartsWith("5.1.", StringComparison.Ordinal);

    /// <summary>For the delivery log: "5.1.1 smtp; 550 5.1.1 No such mailbox", at most 500 characters.</summary>
    public string Detail
    {
        get
        {
            var detail = string.Join(' ', new[] { Status, Diagnostic }.Where(p => !string.IsNullOrEmpty(p)));
            detail = detail.Length == 0 ? "the receiving server gave up" : detail;
            return detail.Length <= 500 ? detail : detail[..500];
        }
    }
}

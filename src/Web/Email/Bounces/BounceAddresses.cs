using System.Text.RegularExpressions;
using MimeKit;

namespace OrleansPortal.Web.Email.Bounces;

/// <summary>
/// Per-message return paths (VERP): a message the outbox sends goes with the envelope sender
/// "{local}+{id}@{domain}", where "{local}@{domain}" is <see cref="EmailOptions.BounceAddress"/> and {id} the 32 hex
/// digits of its Message-Id's left part. A bounce comes back to that address, so it names its message by where it was
/// sent, whatever the bouncing server copied of the original (some copy nothing).
/// <para>
/// The id is no secret from the recipient, who sees it in the Message-Id; it is 128 bits of a hash of the company and the
/// message's delivery key, so nobody else can name a message. A recipient who forges a bounce of their own message only
/// stops their own mail. A report is acted on only if it also names the same message (<see cref="DeliveryReport"/>).
/// </para>
/// </summary>
public sealed partial class BounceAddresses
{
    /// <summary>The right part of every Message-Id the outbox sends with (<c>EmailChannel.MessageIdFor</c>).</summary>
    public const string MessageIdDomain = "orleansportal.notifications";

    private readonly string _local;
    private readonly string _domain;

    private BounceAddresses(string local, string domain) => (_local, _domain) = (local, domain);

    /// <summary>
    /// From <see cref="EmailOptions.BounceAddress"/>: null when it is not set (messages then go with the From address as
    /// their return path, and bounces reach whoever reads that mailbox). Throws for an address that cannot carry an id.
    /// </summary>
    public static BounceAddresses? From(EmailOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.BounceAddress)) return null;
        if (!MailboxAddress.TryParse(options.BounceAddress.Trim(), out var parsed) || parsed.LocalPart.Length == 0 || parsed.Domain.Length == 0)
            throw new InvalidOperationException($"{EmailOptions.SectionName}:{nameof(EmailOptions.BounceAddress)} is not an email address.");
        // RFC 5321 allows 64 characters before the @: the local part, "+" and 32 hex digits.
        if (parsed.LocalPart.Length > 31 || !LocalPart().IsMatch(parsed.LocalPart))
            throw new InvalidOperationException($"{EmailOptions.SectionName}:{nameof(EmailOptions.BounceAddress)} needs a plain local part (letters, digits, '.', '-', '_') of at most 31 characters, to leave room for each message's id.");
        return new BounceAddresses(parsed.LocalPart.ToLowerInvariant(), parsed.Domain.ToLowerInvariant());
    }

    /// <summary>The return path for the message with this Message-Id; null for an id the outbox did not make (a sign-in mail's).</summary>
    public string? For(string messageId) =>
        MessageIdOf(messageId) is { } id ? $"{_local}+{id}@{_domain}" : null;

    /// <summary>The Message-Id a return path stands for, or null when the address is not one of ours.</summary>
    public string? MessageIdFor(string address)
    {
        var match = ReturnPath().Match(address);
        return match.Success && string.Equals(match.Groups["local"].Value, _local, StringComparison.OrdinalIgnoreCase)
               && string.Equals(match.Groups["domain"].Value, _domain, StringComparison.OrdinalIgnoreCase)
            ? $"{match.Groups["id"].Value.ToLowerInvariant()}@{MessageIdDomain}"
            : null;
    }

    private static string? MessageIdOf(string messageId)
    {
        var match = OutboxMessageId().Match(messageId);
        return match.Success ? match.Groups["id"].Value : null;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex LocalPart();

    [GeneratedRegex(@"^(?<id>[0-9a-f]{32})@orleansportal\.notifications$")]
    private static partial Regex OutboxMessageId();

    [GeneratedRegex(@"^(?<local>[^@+]+)\+(?<id>[0-9A-Fa-f]{32})@(?<domain>[^@]+)$")]
    private static partial Regex ReturnPath();
}

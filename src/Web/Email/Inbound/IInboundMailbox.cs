using MimeKit;

namespace OrleansPortal.Web.Email.Inbound;

/// <summary>
/// Addresses the app receives mail for through <see cref="InboundMailListener"/>: each mailbox says which recipients are
/// its own (asked at RCPT, so mail for anyone else is refused before its content is sent) and takes what arrives for them.
/// </summary>
public interface IInboundMailbox
{
    /// <summary>Whether mail for <paramref name="address"/> (as given in RCPT TO) is this mailbox's.</summary>
    bool Accepts(string address);

    /// <summary>
    /// Takes a message that arrived for one of this mailbox's recipients. Returning means it is dealt with (the sending
    /// server is told 250 and forgets it); throwing <see cref="InboundMailDeferredException"/> makes the server try again later.
    /// </summary>
    Task ReceiveAsync(InboundMail mail, CancellationToken cancellationToken);
}

/// <summary>
/// A message as it arrived for <paramref name="Recipient"/> (RCPT TO), from <paramref name="EnvelopeSender"/> (MAIL FROM;
/// null for the null sender, which bounces and other reports use).
/// </summary>
public sealed record InboundMail(string Recipient, string? EnvelopeSender, MimeMessage Message);

/// <summary>A message that cannot be taken now (storage down): the sending server is told 451 and tries again later.</summary>
public sealed class InboundMailDeferredException(string message, Exception? inner = null) : Exception(message, inner);

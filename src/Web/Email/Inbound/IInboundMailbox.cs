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
    /// Takes a message that arrived for <paramref name="address"/>. Returning means it is dealt with (the sending server is
    /// told 250 and forgets it); throwing <see cref="InboundMailDeferredException"/> makes the server try again later.
    /// </summary>
    Task ReceiveAsync(string address, MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>A message that cannot be taken now (storage down): the sending server is told 451 and tries again later.</summary>
public sealed class InboundMailDeferredException(string message, Exception? inner = null) : Exception(message, inner);

using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Grains.Notifications;

namespace OrleansPortal.Web.Notifications.Unsubscribe;

/// <summary>
/// Unsubscribe tokens are the <see cref="UnsubscribeGrant"/> itself, encrypted and authenticated (AES-256-CBC with
/// HMAC-SHA256) by the app's data-protection keys under a purpose of their own, with an expiry inside.
/// <para>
/// Why not a random token stored hashed, like tracking links: one newsletter to N contacts would write N rows that are
/// only ever read when someone unsubscribes, and each message needs its own link in the footer and in the header. A
/// protected grant needs no storage, nothing of it is stored in clear, and it cannot be forged or altered without the
/// keys (a changed byte fails the MAC: 404). The purpose string makes it single-purpose: a sign-in cookie or any other
/// protected payload of the app does not read as an unsubscribe token, nor the other way round. It stays valid for
/// <see cref="Lifetime"/>: the key ring keeps retired keys for reading, so key rotation does not end it; losing the key
/// directory does (every node of a cluster must share it, as for the cookies). The address inside is encrypted, so the
/// URL does not show it to whoever sees the link (a proxy's log).
/// </para>
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider dataProtection, IOptions<NotificationLinkOptions> links)
{
    /// <summary>How long a link works: an old newsletter found a year later still unsubscribes.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(400);

    /// <summary>Longer than any token this class makes (about 330 characters, under 600 for the longest address); anything longer is not one.</summary>
    public const int MaxTokenLength = 1000;

    private const string Purpose = "OrleansPortal.Notifications.Unsubscribe.v1";

    private readonly ITimeLimitedDataProtector _protector = dataProtection.CreateProtector(Purpose).ToTimeLimitedDataProtector();

    public string Issue(UnsubscribeGrant grant)
    {
        // No field holds a line break: ids are checked resource ids, the channel an enum name, the address an email or E.164 number.
        string[] fields = [grant.TenantId, grant.CustomerId, grant.ContactId, grant.Channel.ToString(), grant.Address];
        if (fields.Any(f => f.Contains('\n', StringComparison.Ordinal))) throw new ArgumentException("A grant's fields are single lines.", nameof(grant));
        return _protector.Protect(string.Join('\n', fields), Lifetime);
    }

    /// <summary>The link to put in a message: the page, and the one-click POST, at the configured public address.</summary>
    public Uri UrlFor(UnsubscribeGrant grant) => links.Value.Unsubscribe(Issue(grant));

    /// <summary>The grant a token stands for; null for anything this app did not issue under this purpose, or that expired.</summary>
    public UnsubscribeGrant? Read(string? token)
    {
        if (ProtectedTokens.Unprotect(_protector, token, MaxTokenLength) is not { } payload) return null;
        return payload.Split('\n') is [{ Length: > 0 } tenant, var customer, var contact, var channel, var address]
            && ResourceId.IsValid(customer) && ResourceId.IsValid(contact)
            && Enum.TryParse<NotificationChannel>(channel, out var parsed)
            ? new UnsubscribeGrant(tenant, customer, contact, parsed, address)
            : null;
    }
}

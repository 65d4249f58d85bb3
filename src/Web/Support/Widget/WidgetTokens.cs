using Microsoft.AspNetCore.DataProtection;
using OrleansPortal.Grains;
using OrleansPortal.Web.Hosting;

namespace OrleansPortal.Web.Support.Widget;

/// <summary>
/// Widget tokens are the <see cref="WidgetSession"/> itself, encrypted and authenticated by the app's data-protection
/// keys under a purpose of their own, with an expiry inside (<see cref="Lifetime"/>). Why not a cookie: the widget runs
/// on another company's site, where ours would be a third-party cookie that browsers block, and a cookie would be
/// sent along by whatever page the visitor opens. Why not a stored random token: nothing about a session needs to
/// outlive it, and every node of a cluster reads these with the key ring it already shares for the sign-in cookies.
/// The widget keeps the token in memory only and sends it as a bearer token; a new page asks for a new one.
/// </summary>
public sealed class WidgetTokens(IDataProtectionProvider dataProtection, DomainClock clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    /// <summary>Longer than any token this class makes; anything longer is not one.</summary>
    public const int MaxTokenLength = 2000;

    private const string Purpose = "OrleansPortal.Support.Widget.Session.v1";

    private readonly ITimeLimitedDataProtector _protector = dataProtection.CreateProtector(Purpose).ToTimeLimitedDataProtector();

    public (string Token, WidgetSession Session) Issue(string tenantId, string origin, string? customerId, string? contactId)
    {
        // The domain clock, not the protector's own, says when it ends, so the tests' clock moves it.
        var session = new WidgetSession(tenantId, origin, TenantKeys.NewId(), customerId, contactId, clock.GetUtcNow() + Lifetime);
        string[] fields = [session.TenantId, session.Origin, session.VisitorId, session.CustomerId ?? "", session.ContactId ?? "", session.Expires.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)];
        if (fields.Any(f => f.Contains('\n', StringComparison.Ordinal))) throw new ArgumentException("A session's fields are single lines.");
        return (_protector.Protect(string.Join('\n', fields), Lifetime), session);
    }

    /// <summary>The session a token stands for; null for anything this app did not issue under this purpose, or that expired.</summary>
    public WidgetSession? Read(string? token)
    {
        if (ProtectedTokens.Unprotect(_protector, token, MaxTokenLength) is not { } payload) return null;
        if (payload.Split('\n') is not [{ Length: > 0 } tenant, { Length: > 0 } origin, var visitor, var customer, var contact, var expires]
            || !long.TryParse(expires, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)) return null;
        var ends = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (ends <= clock.GetUtcNow()) return null;
        var verified = customer.Length > 0 && contact.Length > 0;
        return new WidgetSession(tenant, origin, visitor, verified ? customer : null, verified ? contact : null, ends);
    }
}

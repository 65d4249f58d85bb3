using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Identity;

namespace OrleansPortal.Web.Identity;

/// <summary>
/// Makes signing out real: a cookie is a sealed copy of its claims, valid until it expires whatever the server thinks,
/// so each one also carries the person's <see cref="ISessionStampGrain"/> stamp, and every request that presents it
/// asks the grain (one call, answered from memory) whether that stamp is still current. Signing out ends the stamp,
/// so the cookie, and any copy of it, is refused from the next request on, on every node.
/// Signing out ends all of that person's sessions, in every browser.
/// </summary>
public static class SessionStamps
{
    /// <summary>Signs in with the person's current stamp in the cookie.</summary>
    public static async Task SignInAsync(HttpContext http, string scheme, ClaimsIdentity identity)
    {
        var principal = new ClaimsPrincipal(identity);
        var grain = Grain(http, scheme, principal) ?? throw new InvalidOperationException($"A {scheme} sign-in lacks the claims that name the person.");
        identity.AddClaim(new Claim(PortalClaims.SessionStamp, await grain.OpenAsync()));
        await http.SignInAsync(scheme, principal);
    }

    /// <summary>Ends the stamp of whoever the request's cookie of <paramref name="scheme"/> names (if still valid), and deletes the cookie.</summary>
    public static async Task SignOutAsync(HttpContext http, string scheme)
    {
        var signedIn = await http.AuthenticateAsync(scheme);
        if (signedIn.Succeeded && Grain(http, scheme, signedIn.Principal) is { } grain) await grain.EndAllAsync();
        await http.SignOutAsync(scheme);
    }

    /// <summary><see cref="CookieAuthenticationEvents.OnValidatePrincipal"/>: refuses (and deletes) a cookie whose stamp is no longer current.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var stamp = context.Principal?.FindFirstValue(PortalClaims.SessionStamp);
        var grain = context.Principal is { } principal ? Grain(context.HttpContext, context.Scheme.Name, principal) : null;
        // Cookies issued before stamps existed have none: they are refused like ended ones.
        if (stamp is not null && grain is not null && await grain.GetAsync() == stamp) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(context.Scheme.Name);
    }

    /// <summary>
    /// Ends every session of a customer contact, from the office's side: their email was replaced or they were removed,
    /// so whoever holds their cookie must sign in again (and can only through the contact's current address).
    /// </summary>
    public static Task EndContactSessionsAsync(IClusterClient grains, string tenantId, string customerId, string contactId) =>
        grains.GetGrain<ISessionStampGrain>(TenantKeys.For(tenantId, Name("contact", customerId, contactId)!)).EndAllAsync();

    /// <summary>The person's stamp grain: a dispatcher by email, a customer contact by customer and contact; null when the claims are missing.</summary>
    private static ISessionStampGrain? Grain(HttpContext http, string scheme, ClaimsPrincipal user)
    {
        var tenant = user.FindFirstValue(PortalClaims.TenantId);
        var who = scheme == PortalClaims.CustomerScheme
            ? Name("contact", user.FindFirstValue(PortalClaims.CustomerId), user.FindFirstValue(PortalClaims.ContactId))
            : Name("dispatcher", user.FindFirstValue(ClaimTypes.Email));
        if (string.IsNullOrEmpty(tenant) || who is null) return null;
        return http.RequestServices.GetRequiredService<IClusterClient>().GetGrain<ISessionStampGrain>(TenantKeys.For(tenant, who));
    }

    private static string? Name(string kind, params string?[] parts) => parts.Any(string.IsNullOrEmpty) ? null : $"{kind}/{string.Join('/', parts)}";
}

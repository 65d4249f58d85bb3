using System.Security.Claims;

namespace OrleansPortal.Web.Identity;

/// <summary>The claims a signed-in dispatcher carries. The tenant claim is the only source of tenant ids on the web edge.</summary>
public static class PortalClaims
{
    public const string TenantId = "tenant";
    public const string DispatcherRole = "dispatcher";
    public const string DispatcherPolicy = "Dispatcher";

    public static string GetTenantId(this ClaimsPrincipal user) =>
        user.FindFirstValue(TenantId) ?? throw new InvalidOperationException("The signed-in user has no tenant claim.");

    public static string GetEmail(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email) ?? "";
}

using System.Security.Claims;

namespace OrleansPortal.Web.Identity;

/// <summary>
/// The claims signed-in users carry. The tenant claim is the only source of tenant ids on the web edge; for customer
/// contacts the customer and contact claims are likewise the only source of whose data a portal request reads.
/// </summary>
public static class PortalClaims
{
    public const string TenantId = "tenant";
    public const string DispatcherRole = "dispatcher";
    public const string DispatcherPolicy = "Dispatcher";

    /// <summary>Customer contacts sign in with their own cookie scheme, so a customer cookie is not even read by dispatcher endpoints.</summary>
    public const string CustomerScheme = "Customer";
    public const string CustomerRole = "customer";
    public const string CustomerPolicy = "Customer";
    public const string CustomerId = "customer";
    public const string ContactId = "contact";

    /// <summary>Owner, PropertyManager or AccountsPayable: for display only; what a contact sees is decided by the customer grain on every request.</summary>
    public const string ContactRole = "contact_role";

    /// <summary>The <see cref="Grains.Identity.ISessionStampGrain"/> stamp current at sign-in: the cookie is good only while it still is.</summary>
    public const string SessionStamp = "session_stamp";

    public static string GetTenantId(this ClaimsPrincipal user) =>
        user.FindFirstValue(TenantId) ?? throw new InvalidOperationException("The signed-in user has no tenant claim.");

    public static string GetEmail(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email) ?? "";

    public static string GetCustomerId(this ClaimsPrincipal user) =>
        user.FindFirstValue(CustomerId) ?? throw new InvalidOperationException("The signed-in user has no customer claim.");

    public static string GetContactId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ContactId) ?? throw new InvalidOperationException("The signed-in user has no contact claim.");
}

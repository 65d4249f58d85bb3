namespace OrleansPortal.Web.Support.Widget;

/// <summary>
/// What a widget token says: the company, the web origin it was issued to, a random visitor id, and, only when the
/// company's site vouched for the visitor's email (the identity hash) and that email is one of its customers'
/// contacts, that customer and contact.
/// </summary>
public sealed record WidgetSession(string TenantId, string Origin, string VisitorId, string? CustomerId, string? ContactId, DateTimeOffset Expires)
{
    public bool IsVerified => CustomerId is not null && ContactId is not null;
}

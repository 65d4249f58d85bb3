namespace OrleansPortal.Web.Portal;

/// <summary>The signed-in customer contact, as the portal shows them.</summary>
public sealed record PortalMeDto(string Name, string Email, string Role, string CustomerName, string CompanyName);

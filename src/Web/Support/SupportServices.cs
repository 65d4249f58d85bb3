using OrleansPortal.Web.Support.Cases;

namespace OrleansPortal.Web.Support;

public static class SupportServices
{
    /// <summary>The support desk's APIs: the portal's cases, the team's queue and saved replies.</summary>
    public static IEndpointRouteBuilder MapSupport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPortalCasesApi();
        endpoints.MapSupportCasesApi();
        endpoints.MapCannedRepliesApi();
        return endpoints;
    }
}

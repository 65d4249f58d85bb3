using Microsoft.AspNetCore.Cors.Infrastructure;

namespace OrleansPortal.Web.Support.Widget;

/// <summary>
/// CORS for the widget's endpoints, decided per request: the one origin that asks, when its company allows it, with the
/// headers and methods the widget uses, and never credentials (the widget sends no cookies; its token is a header).
/// Any other origin gets a policy that allows nobody, so no Access-Control-Allow-Origin is sent and the browser keeps
/// the answer from the page. Other policy names are not this app's: none.
/// </summary>
public sealed class WidgetCorsPolicyProvider(WidgetOriginPolicy origins) : ICorsPolicyProvider
{
    public const string PolicyName = "widget";

    private static readonly CorsPolicy Nobody = new CorsPolicyBuilder().Build();

    public async Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
    {
        if (policyName != PolicyName) return null;
        var tenant = context.GetRouteValue("tenant") as string;
        if (await origins.AllowedAsync(tenant, context.Request.Headers.Origin.ToString()) is not { } origin) return Nobody;
        return new CorsPolicyBuilder()
            .WithOrigins(origin)
            .WithMethods(HttpMethods.Get, HttpMethods.Post)
            .WithHeaders("Authorization", "Content-Type")
            .WithExposedHeaders("Retry-After")
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))
            .Build();
    }
}

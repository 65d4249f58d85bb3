using Microsoft.Extensions.Options;

namespace OrleansPortal.Web.Hosting;

public static class MapSettingsApi
{
    public static RouteHandlerBuilder MapMapSettingsApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/v1/map", (IOptions<MapSettings> settings) => TypedResults.Ok(settings.Value))
            .WithTags("Map").WithSummary("The tile server the pages' maps use.");
}

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Devices;
using OrleansPortal.Grains.Tickets;
using OrleansPortal.Web.Hosting;

namespace OrleansPortal.Web.Tickets;

/// <summary>What a technician's phone does with its jobs, authenticated by its device token (Authorization: Bearer).</summary>
public static class DeviceJobsApi
{
    public static RouteGroupBuilder MapDeviceJobsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/device").WithTags("Technician device").AllowAnonymous();
        group.MapPost("/check-in", CheckInAsync).WithSummary("The technician is on site: refused more than 500 m from the job unless a reason is given.");
        return group;
    }

    private static async Task<Results<Ok<TicketDto>, NotFound, ValidationProblem, ProblemHttpResult>> CheckInAsync(
        CheckInRequest request, HttpRequest http, IClusterClient grains)
    {
        var header = http.Headers[HeaderNames.Authorization].ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : "";
        var device = token.Length == 0 ? null : await grains.GetGrain<IDeviceTokenGrain>(DeviceToken.Hash(token)).ResolveAsync();
        if (device is null) return TypedResults.Problem(title: "Unknown or revoked device token.", statusCode: StatusCodes.Status401Unauthorized);
        if (request.Latitude is not (>= -90 and <= 90) || request.Longitude is not (>= -180 and <= 180))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["position"] = ["A latitude in -90..90 and a longitude in -180..180 are required."] });
        if (!ResourceId.IsValid(request.TicketId)) return TypedResults.NotFound();

        var ticket = grains.GetGrain<ITicketGrain>(TenantKeys.For(device.TenantId, request.TicketId));
        if ((await ticket.GetAsync()).TechnicianId != device.TechnicianId) return TypedResults.NotFound(); // not this technician's job
        var checkedIn = await ticket.CheckInAsync(new GeoPoint(request.Latitude, request.Longitude), $"technician:{device.TechnicianId}", request.Reason?.Trim());
        return TypedResults.Ok(checkedIn.AsDto());
    }
}

public sealed record CheckInRequest(string TicketId, double Latitude, double Longitude, string? Reason);

using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains.Devices;
using OrleansPortal.Web.Tracking.Protocols;

namespace OrleansPortal.Web.Tickets;

/// <summary>
/// Who a device endpoint's caller is: the technician its Authorization: Bearer device token is bound to. The token
/// alone decides the tenant and the technician, whatever else the request names.
/// </summary>
internal static class DeviceAuthentication
{
    /// <summary>The token's binding, or null when the header is missing, malformed, unknown or revoked.</summary>
    public static async Task<DeviceBinding?> ResolveAsync(HttpRequest http, IClusterClient grains) =>
        AuthorizationHeader.BearerToken(http.Headers.Authorization) is { } token
            ? await grains.GetGrain<IDeviceTokenGrain>(DeviceToken.Hash(token)).ResolveAsync()
            : null;

    public static ProblemHttpResult Refused() => TypedResults.Problem(
        title: "Unknown or revoked device token.",
        detail: "Send the device token your dispatcher issued as Authorization: Bearer <token>.",
        statusCode: StatusCodes.Status401Unauthorized);

    /// <summary>How a technician appears in a ticket's audit trail.</summary>
    public static string Actor(this DeviceBinding device) => $"technician:{device.TechnicianId}";
}

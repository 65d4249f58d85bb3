using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Devices;
using OrleansPortal.Grains.Notifications.WebPush;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Tickets;

namespace OrleansPortal.Web.Notifications.WebPush;

/// <summary>
/// A technician's phone turns pushes on and off (device token, Authorization: Bearer, like the rest of the device API).
/// The token alone says whose subscriptions these are: a technician lists and removes only their own, and another's
/// subscription id answers 404 exactly like one that does not exist.
/// </summary>
public static class PushSubscriptionsApi
{
    public static RouteGroupBuilder MapPushSubscriptionsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/device/push-subscriptions").WithTags("Technician device").AllowAnonymous();
        group.MapGet("", GetAsync).WithSummary("The key to subscribe with (applicationServerKey) and the token's technician's subscribed browsers.");
        group.MapPost("", SubscribeAsync).WithSummary("Keeps this browser's push subscription (PushSubscription.toJSON()) for the token's technician; the same endpoint again updates it.");
        group.MapDelete("/{id}", UnsubscribeAsync).WithSummary("Stops pushes to one of the technician's subscribed browsers.");
        return group;
    }

    private static async Task<Results<Ok<PushSettingsDto>, ProblemHttpResult>> GetAsync(HttpRequest http, IClusterClient grains, VapidKeyStore keys)
    {
        if (await DeviceAuthentication.ResolveAsync(http, grains) is not { } device) return DeviceAuthentication.Refused();
        var subscriptions = await Subscriptions(grains, device).ListAsync();
        return TypedResults.Ok(new PushSettingsDto(keys.Keys.PublicKey, [.. subscriptions.Select(s => s.AsDto(device.DeviceId))]));
    }

    private static async Task<Results<Ok<PushDeviceDto>, ValidationProblem, ProblemHttpResult>> SubscribeAsync(
        PushSubscriptionRequest request, HttpRequest http, IClusterClient grains, DomainClock clock)
    {
        if (await DeviceAuthentication.ResolveAsync(http, grains) is not { } device) return DeviceAuthentication.Refused();
        var validation = new RequestValidation()
            .Require(IsPushEndpoint(request.Endpoint), "endpoint",
                $"The subscription's endpoint: an absolute https URL of a push service, at most {InputLimits.Url:N0} characters.")
            .Require(IsPublicKey(request.Keys?.P256dh), "keys.p256dh", "The subscription's p256dh key: a P-256 public key, base64url of its 65-byte uncompressed point.")
            .Require(Decodes(request.Keys?.Auth, 16), "keys.auth", "The subscription's auth secret: 16 bytes, base64url.");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);

        var endpoint = request.Endpoint!;
        var stored = await Subscriptions(grains, device).SubscribeAsync(
            new DeviceSubscription(DeviceSubscription.IdFor(endpoint), endpoint, request.Keys!.P256dh!, request.Keys.Auth!, device.DeviceId, clock.GetUtcNow()));
        return TypedResults.Ok(stored.AsDto(device.DeviceId));
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> UnsubscribeAsync(string id, HttpRequest http, IClusterClient grains)
    {
        if (await DeviceAuthentication.ResolveAsync(http, grains) is not { } device) return DeviceAuthentication.Refused();
        if (!ResourceId.IsValid(id)) return TypedResults.NotFound();
        return await Subscriptions(grains, device).RemoveAsync([id]) > 0 ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    private static ITechnicianPushGrain Subscriptions(IClusterClient grains, DeviceBinding device) =>
        grains.GetGrain<ITechnicianPushGrain>(TenantKeys.For(device.TenantId, device.TechnicianId));

    /// <summary>
    /// Where the app will post: a push service's https URL, never an address of its own network. Browsers' endpoints
    /// are https on a host name; an IP literal or a name without a dot ("localhost", an intranet host) could only point
    /// the app's requests somewhere they should not go.
    /// </summary>
    private static bool IsPushEndpoint(string? endpoint) =>
        endpoint is { Length: > 0 and <= InputLimits.Url }
        && Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps && uri.UserInfo.Length == 0 && uri.Fragment.Length == 0
        && !uri.IsLoopback && !IPAddress.TryParse(uri.IdnHost, out _) && uri.IdnHost.Contains('.', StringComparison.Ordinal);

    private static bool IsPublicKey(string? p256dh)
    {
        if (!TryDecode(p256dh, out var point) || point is not [0x04, ..] || point.Length != 65) return false;
        try
        {
            // A point off the curve would make every encryption to it fail; refuse it now, while the phone can be told.
            using var key = ECDiffieHellman.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = point[1..33], Y = point[33..] } });
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static bool Decodes(string? text, int length) => TryDecode(text, out var bytes) && bytes.Length == length;

    private static bool TryDecode(string? text, out byte[] bytes)
    {
        bytes = [];
        // Checked first: the decoder throws rather than answers false for some characters outside the alphabet.
        if (text is not { Length: > 0 and <= PushSubscriptionKeys.MaxKeyLength } || !text.TrimEnd('=').All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return false;
        var buffer = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        try
        {
            if (!Base64Url.TryDecodeFromChars(text.TrimEnd('='), buffer, out var written)) return false;
            bytes = buffer[..written];
            return true;
        }
        catch (FormatException)
        {
            return false; // a last group whose spare bits are set ("0001-01-01"): not base64url a browser writes
        }
    }
}

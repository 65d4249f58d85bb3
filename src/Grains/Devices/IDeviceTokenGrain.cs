using Orleans;

namespace OrleansPortal.Grains.Devices;

/// <summary>
/// One device token, keyed by the SHA-256 of the token (hex): the token itself is never stored. Tracking apps
/// authenticate by this token alone, so resolving it is on every ping's path and must stay cheap.
/// </summary>
[Alias("op.IDeviceTokenGrain")]
public interface IDeviceTokenGrain : IGrainWithStringKey
{
    /// <summary>Binds a new token to a technician; throws <see cref="ConflictException"/> if the hash is already bound.</summary>
    Task BindAsync(DeviceBinding binding);

    /// <summary>Whose token this is, or null when unknown or revoked.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<DeviceBinding?> ResolveAsync();

    Task RevokeAsync();
}

[GenerateSerializer, Immutable, Alias("op.DeviceBinding")]
public sealed record DeviceBinding(string TenantId, string TechnicianId, string DeviceId, string Label, DateTimeOffset IssuedAt);

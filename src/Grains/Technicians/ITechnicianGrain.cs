using Orleans;
using Orleans.Concurrency;

namespace OrleansPortal.Grains.Technicians;

/// <summary>
/// A technician of one tenant, keyed "{tenantId}:{technicianId}": profile, status, devices, and the live position.
/// Pings arrive here one batch at a time, in turn, so position updates never race.
/// </summary>
[Alias("op.ITechnicianGrain")]
public interface ITechnicianGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates or updates the profile (and the schedule, when one is given), in one write, and then the technician's
    /// row on the company's roster.
    /// </summary>
    Task ProvisionAsync(TechnicianProfile profile, TechnicianSchedule? schedule);

    /// <summary>Replaces the profile of a technician that exists; throws <see cref="NotFoundException"/> otherwise.</summary>
    Task<TechnicianSnapshot> UpdateProfileAsync(TechnicianProfile profile);

    /// <summary>The technician as a dispatcher sees it; throws <see cref="NotFoundException"/> if never provisioned.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<TechnicianSnapshot> GetAsync();

    /// <summary>
    /// A dispatcher's status: shown at once (roster, live map), and the status a job's end returns to when it is off duty.
    /// The technician's next job step replaces it (<see cref="SetCurrentJobAsync"/>).
    /// </summary>
    Task SetStatusAsync(TechnicianStatus status);

    /// <summary>Replaces the working hours, days off, start and end locations, buffer and certifications.</summary>
    Task SetScheduleAsync(TechnicianSchedule schedule);

    /// <summary>
    /// Applies valid fixes in fix-time order: duplicates are dropped, older fixes go to history only, implausible
    /// jumps are kept flagged. Every fix kept is appended to the ping history; the newest accepted one is published.
    /// Returns null, and stores nothing, when any of the devices is not one of this technician's or is revoked: this
    /// grain is the authority on revocation, so a revoked device is refused from the moment it is revoked, whichever
    /// node its pings reach and whatever that node has cached about its token.
    /// </summary>
    Task<PingBatchResult?> RecordPingsAsync(TechnicianPings pings);

    Task AddDeviceAsync(DeviceSummary device);

    /// <summary>
    /// The job the technician is heading to or working at; its site is geofenced (arrival moves it on site, leaving
    /// completes it), and the technician's status becomes en route or on site with it. Tickets call it from inside their own status changes, which this grain itself starts on
    /// arrival: it interleaves, so that cycle (technician → ticket → technician) and the race with a dispatcher's
    /// change of the same ticket never deadlock.
    /// </summary>
    [AlwaysInterleave]
    Task SetCurrentJobAsync(CurrentJob job);

    /// <summary>
    /// Stops watching the job's site, if <paramref name="ticketId"/> is still the current job, and the status rests: off
    /// duty when a dispatcher set it or the technician is off shift, else available. Interleaves, as <see cref="SetCurrentJobAsync"/>.
    /// </summary>
    [AlwaysInterleave]
    Task ClearCurrentJobAsync(string ticketId);

    /// <summary>The jobs the technician set off to between <paramref name="from"/> and <paramref name="to"/>, in order (kept for <see cref="JobHeadedTo.KeptFor"/>).</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<JobHeadedTo>> GetJobsHeadedToAsync(DateTimeOffset from, DateTimeOffset to);

    /// <summary>
    /// Marks the device revoked and returns its token hash so the caller can revoke the token itself; null if unknown.
    /// From the moment this completes, <see cref="RecordPingsAsync"/> refuses the device's pings.
    /// </summary>
    Task<string?> RevokeDeviceAsync(string deviceId);

    /// <summary>
    /// <paramref name="follower"/> (a route, by its key) subscribes to this technician's own location stream until
    /// <paramref name="until"/>. The technician publishes on that stream only while someone follows it: a follower
    /// registered here, or a customer whose job it is driving to (the current job, en route). Calling again moves
    /// <paramref name="until"/>.
    /// </summary>
    Task FollowAsync(string follower, DateTimeOffset until);

    /// <summary><paramref name="follower"/> no longer follows this technician.</summary>
    Task UnfollowAsync(string follower);
}

/// <param name="HomeBaseAddress">How people name <paramref name="HomeBase"/> ("Depot, Rua das Flores 10"); absent in profiles stored before it existed.</param>
[GenerateSerializer, Immutable, Alias("op.TechnicianProfile")]
public sealed record TechnicianProfile(
    string Name, IReadOnlyList<string> Skills, GeoPoint? HomeBase, string? PhotoUrl, string? Phone = null, string? HomeBaseAddress = null);

/// <param name="TokenHint">The token's first characters, so a dispatcher can tell which phone holds which token; null for tokens issued before hints.</param>
/// <param name="LastUsedAt">When the device last sent positions; null until it has.</param>
[GenerateSerializer, Immutable, Alias("op.DeviceSummary")]
public sealed record DeviceSummary(
    string DeviceId, string Label, DateTimeOffset IssuedAt, bool Revoked, string TokenHash, string? TokenHint = null, DateTimeOffset? LastUsedAt = null);

[GenerateSerializer, Immutable, Alias("op.TechnicianSnapshot")]
public sealed record TechnicianSnapshot(
    string TenantId,
    string TechnicianId,
    TechnicianProfile Profile,
    TechnicianStatus Status,
    GpsFix? Position,
    DateTimeOffset? LastSeen,
    IReadOnlyList<DeviceSummary> Devices,
    TechnicianSchedule Schedule);

[GenerateSerializer, Immutable, Alias("op.PingBatchResult")]
public sealed record PingBatchResult(int Accepted, int Duplicates, int OutOfOrder, int Outliers);

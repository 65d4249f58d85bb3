using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using Orleans.Streams;
using OrleansPortal.Grains.Companies.Roster;
using OrleansPortal.Grains.Persistence;
using OrleansPortal.Grains.Technicians.History;
using OrleansPortal.Grains.Tickets;
using OrleansPortal.Silo.Persistence;

namespace OrleansPortal.Grains.Technicians;

/// <summary>
/// Position changes are frequent (a ping every few seconds per technician) and every ping is in the ping history,
/// so the position is not written on each ping: it is saved on deactivation, and on activation the newer of the
/// saved position and the history's latest fix wins (which also covers a crash between saves).
/// <para>
/// Positions go out two ways. Every one goes to the node's <see cref="TenantLocationPublisher"/>, which publishes the
/// newest per technician once per window on the tenant's stream (the live map). The technician's own stream gets a
/// position only while someone follows it (<see cref="IsFollowed"/>): a route with work to do, or the customer whose
/// job it is driving to; a technician nobody follows costs the streams nothing.
/// </para>
/// <para>
/// Concurrency: one call at a time, except <see cref="SetCurrentJobAsync"/> and <see cref="ClearCurrentJobAsync"/>,
/// which interleave (tickets call them while this grain may be waiting on that very ticket). Interleaved calls can
/// overlap another's state write, so every write goes through <see cref="SaveAsync"/>, one at a time: two writes in
/// flight at once would carry the same ETag, and the second would fail as stale.
/// </para>
/// <para>
/// The status follows the technician's jobs: the current job en route makes it <see cref="TechnicianStatus.EnRoute"/>,
/// on site <see cref="TechnicianStatus.OnSite"/>, whoever moved the ticket (the phone, the geofence, a dispatcher).
/// When that job stops being under way (done, cancelled, on hold, turned back or given to someone else) the status
/// rests: <see cref="TechnicianStatus.OffDuty"/> if a dispatcher last set off duty or the technician is off shift now,
/// else <see cref="TechnicianStatus.Available"/>. A job that is not the current one (the technician already set off
/// to the next) changes nothing. A dispatcher's status shows at once, until the technician's next job step.
/// </para>
/// </summary>
public sealed class TechnicianGrain(
    [PersistentState("technician")] IPersistentState<TechnicianState> state,
    IPingHistory history,
    ITechnicianRoster roster,
    TenantLocationPublisher tenantLocations,
    DomainClock clock,
    ILogger<TechnicianGrain> logger) : Grain, ITechnicianGrain
{
    private PositionTracker _tracker = null!;
    private ArrivalDetector? _geofence;
    private bool _positionDirty;
    private IAsyncStream<TechnicianPositionChanged> _technicianStream = null!;
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly SemaphoreSlim _showing = new(1, 1);
    private string _tenantId = null!;
    private string _technicianId = null!;

    private string TenantId => _tenantId;

    private string TechnicianId => _technicianId;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_tenantId, _technicianId) = TenantKeys.Split(this.GetPrimaryKeyString());
        // A technician never provisioned has no device, so no pings: creating one costs no history read.
        var latest = state.RecordExists ? await history.ReadLatestAsync(TenantId, TechnicianId, cancellationToken) : null;
        if (latest is not null && (state.State.Position is null || latest.Fix.Time > state.State.Position.Time))
        {
            state.State.Position = latest.Fix; // the history is ahead of the last saved state: we stopped between saves
            state.State.LastSeen = latest.ReceivedAt;
        }

        _tracker = new PositionTracker(state.State.Position);
        _geofence = GeofenceFor(state.State.CurrentJob);
        _technicianStream = this.GetStreamProvider(LocationStreams.ProviderName)
            .GetStream<TechnicianPositionChanged>(LocationStreams.ForTechnician(TenantId, TechnicianId));
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        try
        {
            await SavePositionAsync(cancellationToken);
        }
        catch (StateDiscardedException)
        {
            // A write failed and this activation's state is discarded: nothing of it may be saved. The positions are
            // in the ping history, which the next activation reads.
        }
    }

    public async Task ProvisionAsync(TechnicianProfile profile, TechnicianSchedule? schedule)
    {
        state.State.Profile = profile;
        if (schedule is not null) state.State.Schedule = schedule;
        await SaveAsync();
        await roster.SaveAsync(TenantId, new RosterEntry(TechnicianId, profile.Name, state.State.Status)); // after the state: on the roster means provisioned
        await TellDispatchAsync();
    }

    public async Task<TechnicianSnapshot> UpdateProfileAsync(TechnicianProfile profile)
    {
        EnsureProvisioned();
        await ProvisionAsync(profile, schedule: null);
        return await GetAsync();
    }

    public Task<TechnicianSnapshot> GetAsync()
    {
        var profile = state.State.Profile ?? throw new NotFoundException($"Technician {TechnicianId} does not exist.");
        return Task.FromResult(new TechnicianSnapshot(TenantId, TechnicianId, profile, state.State.Status, state.State.Position, state.State.LastSeen, [.. state.State.Devices], Schedule));
    }

    public async Task SetStatusAsync(TechnicianStatus status)
    {
        EnsureProvisioned();
        state.State.Status = status;
        state.State.DeclaredStatus = status;
        await SaveAsync();
        await ShowStatusAsync();
    }

    public async Task SetScheduleAsync(TechnicianSchedule schedule)
    {
        EnsureProvisioned();
        state.State.Schedule = schedule;
        await SaveAsync();
        await TellDispatchAsync();
    }

    // Skills, shifts and start locations are what dispatch plans with; it interleaves this call, so it never waits on a plan.
    private Task TellDispatchAsync() => GrainFactory.GetGrain<Dispatch.IDispatchGrain>(TenantId).TechnicianChangedAsync(TechnicianId);

    public async Task<PingBatchResult?> RecordPingsAsync(TechnicianPings pings)
    {
        EnsureProvisioned();
        foreach (var deviceId in pings.DeviceIds)
            if (!IsActiveDevice(deviceId)) return null;
        var (fixes, receivedAt) = (pings.Fixes, pings.ReceivedAt);
        foreach (var fix in fixes)
            if (!PingValidator.IsValid(fix, receivedAt))
                throw new ArgumentException($"Fix at {fix.Time:O} is not valid; validate pings before recording them.", nameof(pings));

        int accepted = 0, duplicates = 0, outOfOrder = 0, outliers = 0;
        var geofenceEvents = new List<GeofenceEvent>(0);
        var records = new List<PingRecord>(fixes.Count);
        foreach (var fix in fixes.Count == 1 ? fixes : (IEnumerable<GpsFix>)fixes.OrderBy(f => f.Time))
        {
            var disposition = _tracker.Observe(fix);
            switch (disposition)
            {
                case PingDisposition.Duplicate: duplicates++; continue;
                case PingDisposition.OutOfOrder: outOfOrder++; break;
                case PingDisposition.Outlier: outliers++; break;
                default: accepted++; break;
            }

            records.Add(new PingRecord(TenantId, TechnicianId, fix, receivedAt, disposition == PingDisposition.Outlier));
            if (disposition == PingDisposition.Accepted && _geofence?.Observe(fix) is { } geofenceEvent) geofenceEvents.Add(geofenceEvent);
        }

        try
        {
            // The phone is answered only once its fixes are stored: tracking apps delete what was answered.
            await history.StoreAsync(records);
        }
        catch
        {
            // The tracker has taken in fixes that are not stored; kept, it would call their resending duplicates and
            // answer them without storing. A new activation starts from what the history holds.
            DeactivateOnIdle();
            throw;
        }

        NoteDevicesUsed(pings.DeviceIds, receivedAt);
        if (accepted > 0) await PublishAsync(_tracker.Current!, receivedAt);
        foreach (var geofenceEvent in geofenceEvents) await MoveCurrentJobAsync(geofenceEvent);
        return new PingBatchResult(accepted, duplicates, outOfOrder, outliers);
    }

    public Task SetCurrentJobAsync(CurrentJob job) => ReplaceCurrentJobAsync(job, job.OnSite ? TechnicianStatus.OnSite : TechnicianStatus.EnRoute);

    public async Task ClearCurrentJobAsync(string ticketId)
    {
        if (state.State.CurrentJob?.TicketId != ticketId) return;
        var resting = state.State.DeclaredStatus == TechnicianStatus.OffDuty || Availability.ShiftAt(Schedule, clock.GetUtcNow()) is null
            ? TechnicianStatus.OffDuty
            : TechnicianStatus.Available;
        await ReplaceCurrentJobAsync(null, resting);
    }

    /// <summary>The current job and the status that goes with it, in one write; a changed status is then shown.</summary>
    private async Task ReplaceCurrentJobAsync(CurrentJob? job, TechnicianStatus status)
    {
        var statusChanged = state.State.Status != status && state.State.Profile is not null;
        if (job is { OnSite: false } && state.State.CurrentJob != job) RememberHeadingTo(job.TicketId);
        state.State.CurrentJob = job;
        if (statusChanged) state.State.Status = status;
        _geofence = GeofenceFor(job);
        await SaveAsync();
        if (statusChanged) await ShowStatusAsync();
    }

    public Task<IReadOnlyList<JobHeadedTo>> GetJobsHeadedToAsync(DateTimeOffset from, DateTimeOffset to) =>
        Task.FromResult<IReadOnlyList<JobHeadedTo>>([.. state.State.JobsHeadedTo.Where(j => j.At >= from && j.At < to)]);

    /// <summary>Kept with the current job's write; entries older than <see cref="JobHeadedTo.KeptFor"/> go.</summary>
    private void RememberHeadingTo(string ticketId)
    {
        var now = clock.GetUtcNow();
        state.State.JobsHeadedTo.RemoveAll(j => j.At < now - JobHeadedTo.KeptFor);
        state.State.JobsHeadedTo.Add(new JobHeadedTo(ticketId, now));
    }

    private TechnicianSchedule Schedule => state.State.Schedule ?? TechnicianSchedule.Default;

    /// <summary>
    /// After a stored status change: the roster row (the technicians list, the live map's snapshot) and the live map,
    /// which colours technicians by status, now rather than at the next ping. Only the tenant's stream gets it: the
    /// technician's own stream is for positions (routes, a customer's page), and its position did not move. The change
    /// is stored, so a failure here is retried, not returned. Interleaved changes queue here, and each writes the
    /// status as it is when its turn comes, so the row ends with the newest.
    /// </summary>
    private Task ShowStatusAsync() => this.RunAfterStoredAsync(logger, "showing the technician's status", async () =>
    {
        await _showing.WaitAsync();
        try
        {
            await roster.SaveAsync(TenantId, new RosterEntry(TechnicianId, state.State.Profile!.Name, state.State.Status));
        }
        finally
        {
            _showing.Release();
        }

        if (state.State.Position is { } position) tenantLocations.Add(PositionChange(position, state.State.LastSeen ?? position.Time));
    });

    // Arrival puts the job on site; leaving its site afterwards completes it. The ticket calls back to update the
    // current job (a call chain into this grain, which call-chain reentrancy admits while we wait for the ticket).
    private async Task MoveCurrentJobAsync(GeofenceEvent geofenceEvent)
    {
        if (state.State.CurrentJob is not { } job) return;
        var change = geofenceEvent == GeofenceEvent.Arrived
            ? new StatusChange(TicketStatus.OnSite, "geofence", $"arrived: within {ArrivalDetector.ArriveRadiusMeters:0} m for {ArrivalDetector.Dwell.TotalMinutes:0} minute")
            : new StatusChange(TicketStatus.Completed, "geofence", $"departed: beyond {ArrivalDetector.LeaveRadiusMeters:0} m for {ArrivalDetector.Dwell.TotalMinutes:0} minute");
        try
        {
            await GrainFactory.GetGrain<ITicketGrain>(TenantKeys.For(TenantId, job.TicketId)).ChangeStatusAsync(change);
        }
        catch (InvalidTransitionException)
        {
            // The dispatcher or the technician moved the job meanwhile (on hold, say): their word wins over the geofence.
        }
    }

    private static ArrivalDetector? GeofenceFor(CurrentJob? job) => job is null ? null : new ArrivalDetector(job.Site, job.OnSite);

    public async Task AddDeviceAsync(DeviceSummary device)
    {
        EnsureProvisioned();
        state.State.Devices.Add(device);
        await SaveAsync();
    }

    private bool IsActiveDevice(string deviceId)
    {
        foreach (var device in state.State.Devices)
            if (device.DeviceId == deviceId) return !device.Revoked;
        return false;
    }

    /// <summary>
    /// Remembers when each device last sent positions. Like the position, this is not written on every ping: it goes
    /// with the next write, at the latest on deactivation, so a crash can lose the last few minutes of it.
    /// </summary>
    private void NoteDevicesUsed(IReadOnlyList<string> deviceIds, DateTimeOffset at)
    {
        var devices = state.State.Devices;
        for (var i = 0; i < devices.Count; i++)
        {
            if (devices[i].LastUsedAt >= at || !deviceIds.Contains(devices[i].DeviceId)) continue;
            devices[i] = devices[i] with { LastUsedAt = at };
            _positionDirty = true;
        }
    }

    public async Task<string?> RevokeDeviceAsync(string deviceId)
    {
        var index = state.State.Devices.FindIndex(d => d.DeviceId == deviceId);
        if (index < 0) return null;
        state.State.Devices[index] = state.State.Devices[index] with { Revoked = true };
        await SaveAsync();
        return state.State.Devices[index].TokenHash;
    }

    public async Task FollowAsync(string follower, DateTimeOffset until)
    {
        var followers = state.State.Followers;
        var now = clock.GetUtcNow();
        var expired = followers.Where(f => f.Value <= now && f.Key != follower).Select(f => f.Key).ToList();
        if (followers.TryGetValue(follower, out var known) && known == until && expired.Count == 0) return;
        foreach (var key in expired) followers.Remove(key);
        followers[follower] = until;
        await SaveAsync();
    }

    public async Task UnfollowAsync(string follower)
    {
        if (!state.State.Followers.Remove(follower)) return;
        await SaveAsync();
    }

    /// <summary>Whether anyone follows this technician's own stream: a customer it is driving to, or a registered follower whose time is not up.</summary>
    private bool IsFollowed()
    {
        if (state.State.CurrentJob is { OnSite: false }) return true;
        if (state.State.Followers.Count == 0) return false;
        var now = clock.GetUtcNow();
        foreach (var until in state.State.Followers.Values)
            if (until > now) return true;
        return false;
    }

    private async Task PublishAsync(GpsFix position, DateTimeOffset receivedAt)
    {
        state.State.Position = position;
        state.State.LastSeen = receivedAt;
        _positionDirty = true;
        var change = PositionChange(position, receivedAt);
        tenantLocations.Add(change);
        if (IsFollowed()) await _technicianStream.OnNextAsync(change);
    }

    private TechnicianPositionChanged PositionChange(GpsFix position, DateTimeOffset receivedAt) =>
        new(TenantId, TechnicianId, state.State.Profile!.Name, state.State.Status, position, receivedAt);

    private async Task SavePositionAsync(CancellationToken cancellationToken)
    {
        if (!_positionDirty) return;
        _positionDirty = false;
        await SaveAsync();
    }

    private async Task SaveAsync()
    {
        await _writing.WaitAsync();
        try
        {
            await state.WriteStateAsync();
        }
        finally
        {
            _writing.Release();
        }
    }

    private void EnsureProvisioned()
    {
        if (state.State.Profile is null) throw new NotFoundException($"Technician {TechnicianId} does not exist.");
    }
}

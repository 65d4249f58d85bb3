namespace OrleansPortal.Grains.Technicians.History;

/// <summary>
/// The append-only history of every ping, in its own table (not grain state). Stores are queued and written in
/// batches (group commit); a (tenant, technician, fix time) already stored is ignored, because tracking apps replay
/// their offline buffers. Reads see everything stored before the last completed <see cref="FlushAsync"/>.
/// Stored values are narrowed the same way on every database: times come back in UTC, truncated to the microsecond;
/// speed, heading, altitude, accuracy and battery at 32-bit float precision (NaN reads back as unknown).
/// </summary>
public interface IPingHistory
{
    /// <summary>
    /// Queues pings for the next batch and completes once they are committed: only then may a phone be answered.
    /// Fails with <see cref="StorageUnavailableException"/> when the database did not take them (down, unreachable,
    /// or the queue full): nothing of that batch is stored, and the caller should be told to send them again. A
    /// duplicate of a stored ping completes as stored.
    /// </summary>
    Task StoreAsync(IReadOnlyList<PingRecord> records);

    /// <summary>
    /// Completes when everything queued before the call is stored, or will never be (its callers were refused).
    /// </summary>
    Task FlushAsync(CancellationToken cancellationToken = default);

    /// <summary>The technician's pings with from &lt;= fix time &lt; to, oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<PingRecord>> ReadTrackAsync(string tenantId, string technicianId, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken = default);

    /// <summary>The technician's latest non-outlier ping, for recovering a position after a restart.</summary>
    Task<PingRecord?> ReadLatestAsync(string tenantId, string technicianId, CancellationToken cancellationToken = default);
}

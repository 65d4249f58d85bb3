namespace OrleansPortal.Grains.Technicians.History;

/// <summary>
/// The append-only history of every ping, in its own table (not grain state). Appends are queued and written in
/// batches; a (tenant, technician, fix time) already stored is ignored, because tracking apps replay their
/// offline buffers. Reads see everything appended before the last completed <see cref="FlushAsync"/>.
/// Stored values are narrowed the same way on every database: times come back in UTC, truncated to the microsecond;
/// speed, heading, altitude, accuracy and battery at 32-bit float precision (NaN reads back as unknown).
/// </summary>
public interface IPingHistory
{
    /// <summary>Queues pings for the next batch; returns at once. Never throws for a duplicate.</summary>
    void Append(IReadOnlyList<PingRecord> records);

    /// <summary>
    /// Completes when everything appended before the call is stored, or will never be: dropped, with an error log,
    /// because the database refused it or the queue overflowed while the database was unavailable.
    /// </summary>
    Task FlushAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// How long a read waits for <see cref="FlushAsync"/> before giving up with a <see cref="TimeoutException"/> (the
    /// web edge answers 503): while the database is down the flush would wait for the whole outage.
    /// </summary>
    static readonly TimeSpan ReadYourWritesTimeout = TimeSpan.FromSeconds(3);

    /// <summary>The technician's pings with from &lt;= fix time &lt; to, oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<PingRecord>> ReadTrackAsync(string tenantId, string technicianId, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken = default);

    /// <summary>The technician's latest non-outlier ping, for recovering a position after a restart.</summary>
    Task<PingRecord?> ReadLatestAsync(string tenantId, string technicianId, CancellationToken cancellationToken = default);
}

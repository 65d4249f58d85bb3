using OrleansPortal.Silo.Storage;

namespace OrleansPortal.Grains.Technicians.History;

/// <summary>Where the ping history lives and how its writer batches. Defaults suit one silo taking ~50,000 pings/s.</summary>
public sealed class PingHistoryOptions
{
    /// <summary><see cref="AdoNetInvariants.PostgreSql"/> for production, <see cref="AdoNetInvariants.Sqlite"/> for one machine.</summary>
    public string Invariant { get; set; } = AdoNetInvariants.Sqlite;

    /// <summary>A secret (it may hold a password): never logged; messages name only the host or the file.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// The most pings written per database round of work: the writer takes whatever is queued, up to this. Larger
    /// batches amortise round trips and commits, and a write that takes longer lets the next batch grow, so the writer
    /// keeps up with what the database can take; 10,000 is a few batches a second at full load.
    /// </summary>
    public int BatchSize { get; set; } = 10_000;

    /// <summary>How long a ping may wait for its batch to fill; bounds how stale a read can be without a flush.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Pings waiting to be written (roughly 150 bytes each, so about 150 MB at the default). A store that would go
    /// beyond it is refused at once with <see cref="StorageUnavailableException"/> (the phone retries later): pings
    /// are answered only once stored, so a full queue means the database is not keeping up, and waiting longer helps
    /// nobody.
    /// </summary>
    public int MaxQueuedPings { get; set; } = 1_000_000;

    /// <summary>
    /// How long the writer retries a batch the database does not take before refusing its pings (their callers get
    /// <see cref="StorageUnavailableException"/>, so the phones keep those fixes and send them again). Once a batch is
    /// refused, later batches get one attempt each until one succeeds, so during an outage a ping is answered within
    /// about one retry delay (at most 2 s) instead of this.
    /// </summary>
    public TimeSpan MaxWriteWait { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Throws <see cref="StorageConfigurationException"/> with one line naming the setting that cannot work.</summary>
    public void Validate()
    {
        if (Invariant is not (AdoNetInvariants.PostgreSql or AdoNetInvariants.Sqlite))
        {
            throw new StorageConfigurationException(
                $"Ping history: unknown invariant '{Invariant}'; use '{AdoNetInvariants.Sqlite}' or '{AdoNetInvariants.PostgreSql}'.");
        }

        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new StorageConfigurationException("Ping history: the connection string is missing.");
        }

        if (BatchSize < 1) throw new StorageConfigurationException($"Ping history: BatchSize must be at least 1, not {BatchSize}.");

        if (MaxDelay < TimeSpan.Zero || MaxDelay > TimeSpan.FromDays(1))
        {
            throw new StorageConfigurationException($"Ping history: MaxDelay must be between zero and one day, not {MaxDelay}.");
        }

        if (MaxWriteWait < TimeSpan.Zero || MaxWriteWait > TimeSpan.FromMinutes(10))
        {
            throw new StorageConfigurationException($"Ping history: MaxWriteWait must be between zero and ten minutes, not {MaxWriteWait}.");
        }

        if (MaxQueuedPings < BatchSize)
        {
            throw new StorageConfigurationException(
                $"Ping history: MaxQueuedPings ({MaxQueuedPings}) must be at least BatchSize ({BatchSize}).");
        }
    }
}

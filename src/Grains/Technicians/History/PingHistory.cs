using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using OrleansPortal.Silo.Persistence;
using OrleansPortal.Silo.Storage;

namespace OrleansPortal.Grains.Technicians.History;

/// <summary>
/// <see cref="IPingHistory"/> on PostgreSQL or SQLite, with group commit: <see cref="StoreAsync"/> queues pings and
/// completes once the transaction holding them has committed; one background writer drains the queue in batches of up
/// to <see cref="PingHistoryOptions.BatchSize"/>, so while one batch is written the next gathers every ping that
/// arrives meanwhile, and each caller waits for at most about one write. Callers answer a phone only after that, since
/// tracking apps delete a fix once it is answered.
/// <para>
/// Concurrency: any thread may store, flush and read. Each queued ping gets a sequence number under
/// <c>appendLock</c>, so queue order is sequence order; only the writer takes pings out, and after each batch it
/// settles every sequence number up to the batch's last, which is what <see cref="FlushAsync"/> waits for.
/// </para>
/// <para>
/// Failures: a batch the database does not take is retried with a capped backoff (100 ms doubling to 2 s) for up to
/// <see cref="PingHistoryOptions.MaxWriteWait"/>; then its pings are refused: their callers get
/// <see cref="StorageUnavailableException"/> and nothing of the batch is stored (it was one transaction). Until a
/// write succeeds again, each later batch gets a single attempt, so during an outage callers hear within about one
/// retry delay. When an attempt broke after it was sent (it may have committed) and no later attempt settled it, the
/// callers get <see cref="StorageOutcomeUnknownException"/> instead: "not stored" would not be known to be true. A retry after a refusal is safe even when the refused commit did happen (the driver lost the answer):
/// a key already stored is skipped. A ping the database refuses for its values (not for its state) fails its own
/// caller and no other. A full queue refuses new pings at once rather than dropping queued ones.
/// </para>
/// Call <see cref="InitializeAsync"/> before storing (it creates the table and starts the writer), and
/// <see cref="StopAsync"/> at shutdown to store what is queued.
/// </summary>
public sealed class PingHistory : IPingHistory, IAsyncDisposable
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(100);
    // Short, so the writer is back within about two seconds of the database: a longer wait after a long outage kept
    // the queue (and every read waiting for a flush) stuck for up to half a minute after the database had returned.
    private static readonly TimeSpan LongestRetryDelay = TimeSpan.FromSeconds(2);

    // A dispose without a prior StopAsync still tries to store the queue, but does not hang on a dead database.
    private static readonly TimeSpan DisposeDrainTimeout = TimeSpan.FromSeconds(10);

    private readonly PingHistoryOptions options;
    private readonly PingStore store;
    private readonly ILogger logger;
    private readonly Channel<QueuedPing> queue;
    private readonly FlushTracker flushes = new();
    private readonly CancellationTokenSource abort = new();
    private readonly Lock appendLock = new();

    private long appended;          // the last sequence number handed out; under appendLock
    private bool stopping;          // written under appendLock; read by the writer without it
    private Task? writer;           // under appendLock
    private long dropped;
    private long lastRefusalLog;    // Environment.TickCount64 of the last full-queue log; under appendLock
    private bool failing;           // the last batch was refused: the next gets one attempt; the writer's own
    private int inHand;             // pings the writer took out of the queue and has not settled
    private int disposed;
    private TaskCompletionSource wake = NewSignal();

    public PingHistory(PingHistoryOptions options, ILogger<PingHistory> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        this.options = options;
        this.logger = logger;
        store = PingStore.Create(options);
        // Unbounded as a channel: StoreAsync checks the count itself, under appendLock, so a call is queued whole or refused
        // whole. Not declared single-reader, though it is: that variant cannot count what it holds.
        queue = Channel.CreateUnbounded<QueuedPing>();
    }

    /// <summary>Pings that were queued and will never be stored: refused by the database, or left at a stop that timed out. Their callers were told.</summary>
    public long DroppedPings => Interlocked.Read(ref dropped);

    /// <summary>Pings waiting in the queue, not counting the batch being written.</summary>
    public int QueuedPings => queue.Reader.Count;

    /// <summary>
    /// Creates the table if it is missing, then starts the writer. Throws <see cref="StorageConfigurationException"/>
    /// with one line when the database cannot be reached or the schema cannot be created.
    /// </summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await store.EnsureSchemaAsync(cancellationToken);
        lock (appendLock)
        {
            ObjectDisposedException.ThrowIf(stopping, this);
            writer ??= Task.Run(RunWriterAsync, CancellationToken.None);
        }
    }

    public Task StoreAsync(IReadOnlyList<PingRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        // Checked before queueing anything, so a bad list is refused whole rather than half queued.
        foreach (var record in records)
        {
            if (record?.TenantId is null || record.TechnicianId is null || record.Fix is null)
            {
                throw new ArgumentException("Every ping record needs a tenant id, a technician id and a fix.", nameof(records));
            }
        }

        if (records.Count == 0) return Task.CompletedTask;
        var receipt = new PingReceipt(records.Count);
        lock (appendLock)
        {
            if (stopping) return Task.FromException(new StorageUnavailableException("The ping history is shutting down; send the pings again."));
            if (writer is null) throw new InvalidOperationException("The ping history writes nothing before InitializeAsync; call it first.");
            if (queue.Reader.Count + records.Count > options.MaxQueuedPings) return Task.FromException(QueueFull());
            foreach (var record in records) queue.Writer.TryWrite(new QueuedPing(++appended, record, receipt));
        }

        // The writer does not linger while someone waits, so waking it is only needed when it is idle.
        Wake();
        return receipt.Stored;
    }

    public Task FlushAsync(CancellationToken cancellationToken = default)
    {
        long target;
        lock (appendLock)
        {
            if (writer is null && appended > 0)
            {
                throw new InvalidOperationException("The ping history writes nothing before InitializeAsync; call it first.");
            }

            target = appended;
        }

        var settled = flushes.WaitAsync(target);
        if (settled.IsCompleted) return settled;
        Wake();
        return settled.WaitAsync(cancellationToken);
    }

    public Task<IReadOnlyList<PingRecord>> ReadTrackAsync(
        string tenantId, string technicianId, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(technicianId);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (limit == 0 || from >= to) return Task.FromResult<IReadOnlyList<PingRecord>>([]);
        return store.ReadTrackAsync(tenantId, technicianId, from, to, limit, cancellationToken);
    }

    public Task<PingRecord?> ReadLatestAsync(string tenantId, string technicianId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(technicianId);
        return store.ReadLatestAsync(tenantId, technicianId, cancellationToken);
    }

    /// <summary>
    /// Refuses further appends and stores everything queued. If <paramref name="cancellationToken"/> fires first (the
    /// database is down at shutdown), the writer gives up: what is left is logged as an error and counted as dropped,
    /// and pending flushes fail.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        Task? running;
        lock (appendLock)
        {
            stopping = true;
            queue.Writer.TryComplete();
            running = writer;
        }

        Wake();
        if (running is not null)
        {
            try
            {
                await running.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await abort.CancelAsync();
                await running; // ends promptly: the backoff delay and the driver both observe the abort
            }
        }

        // Left only by a stop that timed out: the writer failed its batch in hand; the queue's callers are told here.
        long left = Volatile.Read(ref inHand);
        var refusal = new StorageUnavailableException("The ping history stopped before these pings were stored; send them again.");
        while (queue.Reader.TryRead(out var queued))
        {
            queued.Receipt.Fail(refusal);
            left++;
        }

        if (left > 0)
        {
            Interlocked.Add(ref dropped, left);
            PingHistoryLog.StoppedWithPingsLeft(logger, left, store.Target);
        }

        flushes.Fail(new ObjectDisposedException(nameof(PingHistory), "The ping history stopped before these pings were stored."));
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1) return;
        using (var timeout = new CancellationTokenSource(DisposeDrainTimeout))
        {
            await StopAsync(timeout.Token);
        }

        await store.DisposeAsync();
        abort.Dispose();
    }

    private async Task RunWriterAsync()
    {
        var batch = new List<QueuedPing>(options.BatchSize);
        var records = new List<PingRecord>(options.BatchSize);
        try
        {
            while (await queue.Reader.WaitToReadAsync(abort.Token))
            {
                await LingerAsync();
                batch.Clear();
                records.Clear();
                while (batch.Count < options.BatchSize && queue.Reader.TryRead(out var queued))
                {
                    batch.Add(queued);
                    records.Add(queued.Record);
                }

                if (batch.Count == 0) continue;
                Volatile.Write(ref inHand, batch.Count);
                await WriteAsync(batch, records, abort.Token);
                flushes.Settle(batch[^1].Sequence);
                Volatile.Write(ref inHand, 0);
            }
        }
        catch (Exception) when (abort.IsCancellationRequested)
        {
            // A stop that timed out, whatever the driver threw on the abort. The batch in hand may or may not have
            // committed; its callers hear that it was not, and a retry of a ping that was is skipped as stored.
            var refusal = new StorageUnavailableException("The ping history stopped before these pings were stored; send them again.");
            if (Volatile.Read(ref inHand) > 0) foreach (var queued in batch) queued.Receipt.Fail(refusal);
        }
    }

    /// <summary>
    /// Waits for a fuller batch unless one is full, a caller waits or the history is stopping. Signals may race with
    /// the checks; a missed one costs at most one <see cref="PingHistoryOptions.MaxDelay"/>, never a ping.
    /// </summary>
    private async Task LingerAsync()
    {
        if (options.MaxDelay == TimeSpan.Zero) return;
        var signal = wake.Task;
        if (signal.IsCompleted)
        {
            Volatile.Write(ref wake, NewSignal());
            signal = wake.Task;
        }

        // Every queued ping has a caller waiting for it (StoreAsync), so lingering happens only with an empty queue.
        if (queue.Reader.Count > 0 || flushes.AnyWaiting || Volatile.Read(ref stopping)) return;
        await Task.WhenAny(signal, Task.Delay(options.MaxDelay, CancellationToken.None));
    }

    /// <summary>
    /// Stores <paramref name="batch"/> and tells each ping's caller how it went: stored, refused for its values, or
    /// refused because the database did not take the batch within <see cref="PingHistoryOptions.MaxWriteWait"/>.
    /// Throws only on <paramref name="cancellationToken"/> (a stop that timed out), leaving the batch to StopAsync.
    /// </summary>
    private async Task WriteAsync(List<QueuedPing> batch, List<PingRecord> records, CancellationToken cancellationToken)
    {
        var giveUpAt = Environment.TickCount64 + (long)options.MaxWriteWait.TotalMilliseconds;
        var mayBeStored = false; // an attempt broke after it was sent: it may have committed
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await store.WriteAsync(records, cancellationToken);
                if (attempt > 1 || failing) PingHistoryLog.WriteRecovered(logger, batch.Count, store.Target, attempt);
                failing = false;
                foreach (var queued in batch) queued.Receipt.CountStored();
                return;
            }
            catch (Exception ex) when (store.IsRejectedData(ex))
            {
                if (batch.Count == 1)
                {
                    var record = batch[0].Record;
                    Interlocked.Increment(ref dropped);
                    PingHistoryLog.PingRefused(logger, ex, store.Target, record.TechnicianId, record.TenantId, record.Fix.Time);
                    batch[0].Receipt.Fail(new ArgumentException($"The database refused the ping at {record.Fix.Time:O}; it was not stored."));
                    return;
                }

                // One bad ping must not hold back the others: write them one by one to find it.
                foreach (var queued in batch) await WriteAsync([queued], [queued.Record], cancellationToken);
                return;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Whatever failed (a server down, a full disk, a driver fault), the writer must outlive it: if it died,
                // nothing would drain the queue. The batch was one transaction, so none of it is stored.
                var delay = RetryDelay(attempt);
                mayBeStored |= WriteOutcome.MayHaveBeenApplied(ex);
                var giveUp = failing || Environment.TickCount64 + (long)delay.TotalMilliseconds > giveUpAt;
                PingHistoryLog.WriteFailed(logger, ex, batch.Count, store.Target, attempt, giveUp ? null : delay, queue.Reader.Count);
                if (giveUp)
                {
                    failing = true;
                    Interlocked.Add(ref dropped, batch.Count);
                    // A retry that succeeds settles an earlier attempt that may have committed (a stored key is skipped);
                    // without one, nobody can say whether these pings are stored, so nobody is told they are not.
                    Exception refusal = mayBeStored
                        ? new StorageOutcomeUnknownException($"Writing these pings broke after they were sent ({ex.GetBaseException().Message}), and the database could not be asked again.")
                        : new StorageUnavailableException("The database did not take these pings; nothing of them was stored. Send them again later.");
                    foreach (var queued in batch) queued.Receipt.Fail(refusal);
                    // Before the next attempt, so an outage is not hammered with one attempt per queued batch.
                    await Task.Delay(delay, cancellationToken);
                    return;
                }

                await Task.Delay(delay, cancellationToken);
            }
        }
    }

    private StorageUnavailableException QueueFull()
    {
        var now = Environment.TickCount64;
        if (lastRefusalLog == 0 || now - lastRefusalLog >= 1000)
        {
            lastRefusalLog = now;
            PingHistoryLog.QueueFull(logger, options.MaxQueuedPings);
        }

        return new StorageUnavailableException("The ping history is not keeping up; send the pings again later.");
    }

    private void Wake() => Volatile.Read(ref wake).TrySetResult();

    // Jittered so several silos retrying against one database do not hit it in step.
    private static TimeSpan RetryDelay(int attempt)
    {
        var exponential = FirstRetryDelay * Math.Pow(2, Math.Min(attempt - 1, 20));
        var capped = exponential < LongestRetryDelay ? exponential : LongestRetryDelay;
        return capped * (0.8 + 0.4 * Random.Shared.NextDouble());
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly record struct QueuedPing(long Sequence, PingRecord Record, PingReceipt Receipt);
}

using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using OrleansPortal.Silo.Storage;

namespace OrleansPortal.Grains.Technicians.History;

/// <summary>
/// <see cref="IPingHistory"/> on PostgreSQL or SQLite. <see cref="Append"/> puts pings in a bounded in-memory queue;
/// one background writer drains it in batches of up to <see cref="PingHistoryOptions.BatchSize"/>, waiting at most
/// <see cref="PingHistoryOptions.MaxDelay"/> for a batch to fill.
/// <para>
/// Concurrency: any thread may append, flush and read. Each queued ping gets a sequence number under
/// <c>appendLock</c>, so queue order is sequence order; only the writer takes pings out, and after each batch it
/// settles every sequence number up to the batch's last, which is what <see cref="FlushAsync"/> waits for.
/// </para>
/// <para>
/// Failures: a batch the database does not take stays with the writer and is retried with exponential backoff
/// (100 ms doubling to 2 s), each failure logged; the queue keeps filling meanwhile. Past
/// <see cref="PingHistoryOptions.MaxQueuedPings"/> the oldest pings are dropped: an error log at most once a second
/// and <see cref="DroppedPings"/> say how many. A ping the database refuses for its values (not for its state) is
/// logged and dropped on its own, so it cannot hold back the others. Dropped pings count as settled: a flush never
/// waits for a ping that can no longer be stored.
/// </para>
/// Call <see cref="InitializeAsync"/> before flushing what was appended (it creates the table and starts the writer), and
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
    private long lastOverflowLog;   // Environment.TickCount64 of the last overflow log; under appendLock
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
        queue = Channel.CreateBounded<QueuedPing>(
            new BoundedChannelOptions(options.MaxQueuedPings) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            OnOverflow);
    }

    /// <summary>Pings that will never be stored: dropped from a full queue, refused by the database, or left at a stop that timed out.</summary>
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

    public void Append(IReadOnlyList<PingRecord> records)
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

        lock (appendLock)
        {
            ObjectDisposedException.ThrowIf(stopping, this);
            foreach (var record in records) queue.Writer.TryWrite(new QueuedPing(++appended, record));
        }

        if (queue.Reader.Count >= options.BatchSize) Wake();
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

        long left = Volatile.Read(ref inHand) + queue.Reader.Count;
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
        var batch = new List<PingRecord>(options.BatchSize);
        try
        {
            while (await queue.Reader.WaitToReadAsync(abort.Token))
            {
                await LingerAsync();
                batch.Clear();
                long last = 0;
                while (batch.Count < options.BatchSize && queue.Reader.TryRead(out var queued))
                {
                    batch.Add(queued.Record);
                    last = queued.Sequence;
                }

                // Empty when an overflow dropped what the wait had seen.
                if (batch.Count == 0) continue;
                Volatile.Write(ref inHand, batch.Count);
                await WriteAsync(batch, abort.Token);
                flushes.Settle(last);
                Volatile.Write(ref inHand, 0);
            }
        }
        catch (Exception) when (abort.IsCancellationRequested)
        {
            // A stop that timed out, whatever the driver threw on the abort; StopAsync counts and reports what is left.
        }
    }

    /// <summary>
    /// Waits for a fuller batch unless one is full, a flush waits or the history is stopping. Signals may race with
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

        if (queue.Reader.Count >= options.BatchSize || flushes.AnyWaiting || Volatile.Read(ref stopping)) return;
        await Task.WhenAny(signal, Task.Delay(options.MaxDelay, CancellationToken.None));
    }

    /// <summary>Stores <paramref name="batch"/>, retrying until it succeeds; returns early only by throwing on <paramref name="cancellationToken"/>.</summary>
    private async Task WriteAsync(IReadOnlyList<PingRecord> batch, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await store.WriteAsync(batch, cancellationToken);
                if (attempt > 1) PingHistoryLog.WriteRecovered(logger, batch.Count, store.Target, attempt);
                return;
            }
            catch (Exception ex) when (store.IsRejectedData(ex))
            {
                if (batch.Count == 1)
                {
                    var record = batch[0];
                    Interlocked.Increment(ref dropped);
                    PingHistoryLog.PingRefused(logger, ex, store.Target, record.TechnicianId, record.TenantId, record.Fix.Time);
                    return;
                }

                // One bad ping must not hold back the others: write them one by one to find it.
                foreach (var record in batch) await WriteAsync([record], cancellationToken);
                return;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Whatever failed (a server down, a full disk, a driver fault), the writer must outlive it: if it died, the
                // queue would fill and overflow with nobody draining it. The batch stays in hand for the next attempt.
                var delay = RetryDelay(attempt);
                PingHistoryLog.WriteFailed(logger, ex, batch.Count, store.Target, attempt, delay, queue.Reader.Count);
                await Task.Delay(delay, cancellationToken);
            }
        }
    }

    /// <summary>Called by the channel, inside <see cref="Append"/> and so under appendLock, for each ping pushed out of a full queue.</summary>
    private void OnOverflow(QueuedPing ping)
    {
        var total = Interlocked.Increment(ref dropped);
        var now = Environment.TickCount64;
        if (lastOverflowLog != 0 && now - lastOverflowLog < 1000) return;
        lastOverflowLog = now;
        PingHistoryLog.QueueOverflowed(logger, options.MaxQueuedPings, total);
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

    private readonly record struct QueuedPing(long Sequence, PingRecord Record);
}

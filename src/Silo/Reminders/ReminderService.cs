using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime;

namespace Orleans;

/// <summary>
/// Keeps every reminder of the silo scheduled: reads them all from the table at start, fires each at
/// StartAt + k * Period by calling the grain's IRemindable.ReceiveReminder (activating it), and keeps the
/// table and the schedule in step on register and unregister. Ticks are at least once: at start-up a reminder
/// whose due time has passed (its tick may have been missed while the silo was down) fires at once, then keeps
/// its period's grid.
/// </summary>
internal sealed class ReminderService(IReminderTable table, IOptions<ReminderOptions> options, TimeProvider clock, Lazy<SiloRuntime> runtime) : IAsyncDisposable
{
    private readonly TimeProvider _clock = clock;
    private readonly Lazy<SiloRuntime> _runtime = runtime;
    private readonly ConcurrentDictionary<(GrainId, string), ScheduledReminder> _scheduled = new();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in await table.ReadAllAsync(cancellationToken).ConfigureAwait(false)) Schedule(entry, catchUp: true);
    }

    public async Task<IGrainReminder> RegisterOrUpdateAsync(GrainId grainId, string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reminderName);
        if (period < options.Value.MinimumReminderPeriod)
            throw new ArgumentOutOfRangeException(nameof(period), period, $"A reminder period must be at least {options.Value.MinimumReminderPeriod}; use a grain timer for shorter periods.");
        if (dueTime < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, "A reminder's due time cannot be negative.");
        if (!typeof(IRemindable).IsAssignableFrom(_runtime.Value.Registry.GetByTypeName(grainId.Type).ClassType))
            throw new InvalidOperationException($"Grain {grainId} registers a reminder but does not implement IRemindable.");

        var entry = new ReminderEntry(grainId, reminderName, _clock.GetUtcNow() + dueTime, period);
        var etag = await table.UpsertRowAsync(entry).ConfigureAwait(false);
        Schedule(entry with { ETag = etag }, catchUp: false);
        return new GrainReminder(reminderName, etag);
    }

    public async Task<IGrainReminder?> GetAsync(GrainId grainId, string reminderName)
    {
        var row = await table.ReadRowAsync(grainId, reminderName).ConfigureAwait(false);
        return row is null ? null : new GrainReminder(row.ReminderName, row.ETag!);
    }

    public async Task UnregisterAsync(GrainId grainId, IGrainReminder reminder)
    {
        var row = await table.ReadRowAsync(grainId, reminder.ReminderName).ConfigureAwait(false);
        if (row is not null) await table.RemoveRowAsync(grainId, reminder.ReminderName, row.ETag!).ConfigureAwait(false);
        if (_scheduled.TryRemove((grainId, reminder.ReminderName), out var scheduled)) scheduled.Dispose();
    }

    private void Schedule(ReminderEntry entry, bool catchUp)
    {
        var scheduled = new ScheduledReminder(this, entry);
        _scheduled.AddOrUpdate((entry.GrainId, entry.ReminderName), scheduled, (_, old) => { old.Dispose(); return scheduled; });
        if (catchUp && entry.StartAt <= _clock.GetUtcNow()) scheduled.FireSoon();
        else scheduled.ScheduleNext();
    }

    public ValueTask DisposeAsync()
    {
        foreach (var s in _scheduled.Values) s.Dispose();
        _scheduled.Clear();
        return ValueTask.CompletedTask;
    }

    /// <summary>One reminder's timer; the next tick is scheduled after the grain has handled the current one.</summary>
    private sealed class ScheduledReminder(ReminderService service, ReminderEntry entry) : IDisposable
    {
        private ITimer? _timer;
        private volatile bool _disposed;

        public void ScheduleNext()
        {
            if (_disposed) return;
            var now = service._clock.GetUtcNow();
            var next = entry.StartAt;
            if (next <= now)
            {
                var periods = (long)Math.Ceiling((now - entry.StartAt) / entry.Period);
                next = entry.StartAt + entry.Period * Math.Max(periods, 1);
                if (next <= now) next += entry.Period;
            }

            _timer?.Dispose();
            _timer = service._clock.CreateTimer(static s => _ = ((ScheduledReminder)s!).FireAsync(), this, next - now, Timeout.InfiniteTimeSpan);
        }

        public void FireSoon()
        {
            _timer = service._clock.CreateTimer(static s => _ = ((ScheduledReminder)s!).FireAsync(), this, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }

        private async Task FireAsync()
        {
            if (_disposed) return;
            var runtime = service._runtime.Value;
            try
            {
                var grain = runtime.CreateReferenceByTypeName<IRemindable>(entry.GrainId);
                await grain.ReceiveReminder(entry.ReminderName, new TickStatus(entry.StartAt, entry.Period, service._clock.GetUtcNow())).ConfigureAwait(false);
            }
            catch (Exception ex) // A failing tick is logged; the reminder keeps its schedule, as Orleans does.
            {
                runtime.Log.ReminderFailed(entry.GrainId, entry.ReminderName, ex);
            }

            ScheduleNext();
        }

        public void Dispose()
        {
            _disposed = true;
            _timer?.Dispose();
        }
    }
}

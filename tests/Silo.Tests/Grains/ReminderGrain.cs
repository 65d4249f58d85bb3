using Orleans;
using Orleans.Runtime;

namespace OrleansPortal.Silo.Tests.Grains;

public interface IReminderGrain : IGrainWithStringKey, IRemindable
{
    Task RemindMeAsync(string name, TimeSpan due, TimeSpan period);

    Task ForgetAsync(string name);

    Task<IReadOnlyList<string>> ReceivedAsync();
}

public sealed class ReminderLog
{
    public List<string> Received { get; set; } = [];
}

/// <summary>Persists every reminder tick it receives, so a test can read them after a restart.</summary>
public sealed class ReminderGrain([PersistentState("reminders")] IPersistentState<ReminderLog> log) : Grain, IReminderGrain
{
    public Task RemindMeAsync(string name, TimeSpan due, TimeSpan period) => RegisterOrUpdateReminder(name, due, period);

    public async Task ForgetAsync(string name)
    {
        if (await GetReminder(name) is { } reminder) await UnregisterReminder(reminder);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        log.State.Received.Add(reminderName);
        await log.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> ReceivedAsync() => Task.FromResult<IReadOnlyList<string>>(log.State.Received);
}

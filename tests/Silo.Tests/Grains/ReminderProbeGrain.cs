namespace OrleansPortal.Silo.Tests.Grains;

public sealed class ReminderProbeGrain(ReminderTicks ticks) : Grain, IReminderProbeGrain, IRemindable
{
    public Task RegisterAsync(string name, TimeSpan period) => this.RegisterOrUpdateReminder(name, period, period);

    public async Task<IReadOnlyList<string>> ListAsync() =>
        [.. (await this.GetReminders()).Select(r => r.ReminderName).Order(StringComparer.Ordinal)];

    public async Task<bool> UnregisterAsync(string name)
    {
        var reminder = await this.GetReminder(name);
        if (reminder is null) return false;
        await this.UnregisterReminder(reminder);
        return true;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        ticks.Record(this.GetPrimaryKeyString(), reminderName);
        return Task.CompletedTask;
    }
}

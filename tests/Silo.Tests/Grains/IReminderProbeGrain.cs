namespace OrleansPortal.Silo.Tests.Grains;

/// <summary>Registers reminders through Orleans' reminder service and records each tick in <see cref="ReminderTicks"/>.</summary>
public interface IReminderProbeGrain : IGrainWithStringKey
{
    /// <summary>Registers the reminder, or changes its period; first due after one period.</summary>
    Task RegisterAsync(string name, TimeSpan period);

    /// <summary>The names of this grain's registered reminders, as the reminder service reads them back.</summary>
    Task<IReadOnlyList<string>> ListAsync();

    /// <summary>Unregisters the reminder; false when there was none.</summary>
    Task<bool> UnregisterAsync(string name);
}

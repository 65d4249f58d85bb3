using Orleans.Runtime;

namespace Orleans;

/// <summary>
/// Durable storage for reminders. The reminder service reads every row at start-up, so reminders survive a
/// silo restart. Upserts and removals are conditional on the ETag where one is given.
/// </summary>
public interface IReminderTable
{
    Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken = default);

    Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces the row and returns its new ETag.</summary>
    Task<string> UpsertRowAsync(ReminderEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Removes the row if its ETag matches; returns false when it did not exist or the ETag was stale.</summary>
    Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken = default);
}

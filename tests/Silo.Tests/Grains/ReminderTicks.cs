using System.Collections.Concurrent;

namespace OrleansPortal.Silo.Tests.Grains;

/// <summary>Per silo: how often each (grain key, reminder) ticked there.</summary>
public sealed class ReminderTicks
{
    private readonly ConcurrentDictionary<(string Grain, string Reminder), int> _counts = new();

    public void Record(string grain, string reminder) => _counts.AddOrUpdate((grain, reminder), 1, (_, n) => n + 1);

    public int Count(string grain, string reminder) => _counts.GetValueOrDefault((grain, reminder));
}

using System.Reflection;

namespace OrleansPortal.Grains.Tests.Serialization;

/// <summary>
/// Orleans' ADO.NET storage keys a row by (service, state name, grain key): the grain type is not in the key, so two
/// grain types with the same state name and key would read and overwrite each other's state.
/// </summary>
public sealed class PersistentStateNameTests
{
    [Fact]
    public void EveryPersistentStateName_BelongsToOneGrainType()
    {
        var states = SerializationContract.Grains.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(Grain).IsAssignableFrom(t))
            .SelectMany(t => t.GetConstructors().SelectMany(c => c.GetParameters())
                .Select(p => p.GetCustomAttribute<PersistentStateAttribute>())
                .OfType<PersistentStateAttribute>()
                .Select(a => (Grain: t, Name: $"{a.StorageName ?? "Default"}/{a.StateName}")))
            .Distinct()
            .ToList();

        var shared = states.GroupBy(s => s.Name).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(s => s.Grain.Name))}").ToList();

        Assert.True(states.Count >= 15, $"Only {states.Count} persistent states found; the scan is broken.");
        Assert.True(shared.Count == 0, "State names used by more than one grain type: " + string.Join("; ", shared));
    }
}

using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;

namespace OrleansPortal.Grains.Tests.Serialization;

/// <summary>
/// Every type that crosses a grain call, sits in persistent state or travels on a stream has an Orleans serializer
/// and copier that keep all of it, and a stable alias, so a rename does not orphan stored state or break a rolling
/// upgrade of the cluster.
/// </summary>
public sealed class SerializationContractTests
{
    private static readonly IServiceProvider Services = new ServiceCollection().AddSerializer().BuildServiceProvider();
    private static readonly Serializer Serializer = Services.GetRequiredService<Serializer>();
    private static readonly DeepCopier Copier = Services.GetRequiredService<DeepCopier>();

    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public static TheoryData<string> ContractTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in SerializationContract.Reachable().Where(t => !t.IsGenericTypeDefinition)) data.Add(type.FullName!);
        return data;
    }

    [Fact]
    public void TheScan_FindsTheKnownRoots()
    {
        // Guards the reflection itself: a scan that found nothing would let every other test here pass vacuously.
        Assert.Contains(typeof(OrleansPortal.Grains.Tickets.ITicketGrain), SerializationContract.GrainInterfaces);
        Assert.Contains(typeof(OrleansPortal.Grains.Tickets.TicketState), SerializationContract.StateTypes);
        Assert.Contains(typeof(OrleansPortal.Grains.Technicians.TechnicianPositionChanged), SerializationContract.StreamEventTypes);
        Assert.Contains(typeof(OrleansPortal.Grains.Dispatch.DispatchEvent), SerializationContract.StreamEventTypes);
        Assert.Contains(typeof(NotFoundException), SerializationContract.Exceptions);
        Assert.Contains(typeof(OrleansPortal.Grains.Technicians.GpsFix), SerializationContract.Reachable());
    }

    [Fact]
    public void EveryContractType_HasAGeneratedSerializer_AndAStableAlias()
    {
        var missing = SerializationContract.Reachable()
            .Where(t => !t.IsInterface)
            .Where(t => t.GetCustomAttribute<GenerateSerializerAttribute>() is null || !t.GetCustomAttributes<AliasAttribute>().Any())
            .Select(t => t.FullName)
            .ToList();

        Assert.True(missing.Count == 0, "Missing [GenerateSerializer] or [Alias]: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryGrainInterface_HasAStableAlias()
    {
        var missing = SerializationContract.GrainInterfaces.Where(t => !t.GetCustomAttributes<AliasAttribute>().Any()).Select(t => t.FullName).ToList();

        Assert.True(missing.Count == 0, "Grain interfaces without [Alias]: " + string.Join(", ", missing));
    }

    [Fact]
    public void Aliases_AreUnique()
    {
        var aliases = SerializationContract.Grains.GetTypes()
            .Where(SerializationContract.IsOurs)
            .SelectMany(t => t.GetCustomAttributes<AliasAttribute>(inherit: false).Select(a => (Type: t, a.Alias)))
            .GroupBy(a => a.Alias)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(a => a.Type.Name))}")
            .ToList();

        Assert.True(aliases.Count == 0, "Shared aliases: " + string.Join("; ", aliases));
    }

    [Fact]
    public void AProposalConflict_ArrivesWithTheConflictsTheWebEdgeLists()
    {
        var refused = new OrleansPortal.Grains.Dispatch.ProposalConflictException(
            "The day changed.", [new OrleansPortal.Grains.Dispatch.ProposalConflict("ticket-1", "tech-1", "\"Prune the hedge\" has started.")]);

        var serialized = Assert.IsType<OrleansPortal.Grains.Dispatch.ProposalConflictException>(Serializer.Deserialize<object>(Serializer.SerializeToArray<object>(refused)));
        var copied = Copier.Copy(refused);

        Assert.Equal(refused.Conflicts, serialized.Conflicts);
        Assert.Equal(refused.Conflicts, copied.Conflicts);
        Assert.Equal("The day changed.", serialized.Message);
    }

    [Theory]
    [MemberData(nameof(ContractTypes))]
    public void AValue_SurvivesSerializationAndCopying_WithEveryMember(string typeName)
    {
        var type = SerializationContract.Grains.GetType(typeName, throwOnError: true)!;
        var value = SampleValues.For(type)!;

        var serialized = Serializer.Deserialize<object>(Serializer.SerializeToArray<object>(value));
        var copied = Copier.Copy<object>(value);

        Assert.IsType(value.GetType(), serialized);
        Assert.IsType(value.GetType(), copied);
        if (value is Exception exception)
        {
            Assert.Equal(exception.Message, ((Exception)serialized).Message);
            return;
        }

        var expected = JsonSerializer.Serialize(value, value.GetType(), Json);
        Assert.Equal(expected, JsonSerializer.Serialize(serialized, value.GetType(), Json));
        Assert.Equal(expected, JsonSerializer.Serialize(copied, value.GetType(), Json));
    }
}

using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Storage;
using Orleans.Streams;
using OrleansPortal.Silo.Tests.Grains;
using OrleansPortal.Silo.Tests.Infrastructure;
using OrleansPortal.Testing;

namespace OrleansPortal.Silo.Tests.Runtime;

/// <summary>
/// The runtime's persistence semantics on a real database: each test starts silos on the fixture's database,
/// often two in a row (a restart) or two at once (a second silo writing behind the first one's back).
/// </summary>
public abstract class SiloStorageTests(StorageDatabaseFixture database)
{
    private Task<TestSilo> StartSiloAsync() => TestSilo.StartAsync(silo =>
    {
        silo.AddAdoNetGrainStorageAsDefault(Copy);
        silo.AddAdoNetGrainStorage("PubSubStore", Copy);
        silo.UseAdoNetReminderService(Copy);
        silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
    });

    private void Copy(AdoNetStorageOptions options)
    {
        var source = database.CreateOptions();
        options.Invariant = source.Invariant;
        options.ConnectionString = source.ConnectionString;
    }

    [Fact]
    public async Task AThousandConcurrentIncrements_EndAtExactlyAThousand()
    {
        await using var silo = await StartSiloAsync();
        var counter = silo.Client.GetGrain<ICounterGrain>(Guid.NewGuid().ToString());

        var results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => Task.Run(() => counter.IncrementAsync())));

        Assert.Equal(1000, await counter.GetAsync());
        Assert.Equal(Enumerable.Range(1, 1000), results.Order());
    }

    [Fact]
    public async Task State_SurvivesASiloRestart()
    {
        var key = Guid.NewGuid().ToString();
        await using (var first = await StartSiloAsync())
        {
            for (var i = 0; i < 3; i++) await first.Client.GetGrain<ICounterGrain>(key).IncrementAsync();
        }

        await using var second = await StartSiloAsync();

        Assert.Equal(3, await second.Client.GetGrain<ICounterGrain>(key).GetAsync());
    }

    [Fact]
    public async Task StaleWrite_ThrowsInconsistentState_AndTheNextCallStartsFromStoredState()
    {
        var key = Guid.NewGuid().ToString();
        await using var first = await StartSiloAsync();
        await using var second = await StartSiloAsync();
        await first.Client.GetGrain<ICounterGrain>(key).IncrementAsync();
        Assert.Equal(1, await second.Client.GetGrain<ICounterGrain>(key).GetAsync()); // second silo now holds version 1

        await first.Client.GetGrain<ICounterGrain>(key).IncrementAsync(); // stored: 2, a version second has not seen

        await Assert.ThrowsAsync<InconsistentStateException>(() => second.Client.GetGrain<ICounterGrain>(key).SetAsync(99));
        Assert.Equal(2, await first.Client.GetGrain<ICounterGrain>(key).GetAsync());
        Assert.Equal(3, await second.Client.GetGrain<ICounterGrain>(key).IncrementAsync()); // a fresh activation read 2
    }

    [Fact]
    public async Task TwoGrainTypesWithTheSameKey_NeverSeeEachOthersState()
    {
        var key = Guid.NewGuid().ToString();
        await using var silo = await StartSiloAsync();

        await silo.Client.GetGrain<ICounterGrain>(key).IncrementAsync();
        await silo.Client.GetGrain<IOtherCounterGrain>(key).IncrementAsync();
        await silo.Client.GetGrain<IOtherCounterGrain>(key).IncrementAsync();

        Assert.Equal(1, await silo.Client.GetGrain<ICounterGrain>(key).GetAsync());
        Assert.Equal(300, await silo.Client.GetGrain<IOtherCounterGrain>(key).IncrementAsync());
    }

    [Fact]
    public async Task Reminder_FiresAfterASiloRestart()
    {
        var key = Guid.NewGuid().ToString();
        await using (var first = await StartSiloAsync())
        {
            await first.Client.GetGrain<IReminderGrain>(key).RemindMeAsync("wake-up", TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        }

        await using var second = await StartSiloAsync();
        var grain = second.Client.GetGrain<IReminderGrain>(key);

        await Eventually.TrueAsync(() => grain.ReceivedAsync().Result.Contains("wake-up"), "the reminder registered before the restart fires");
    }

    [Fact]
    public async Task UnregisteredReminder_DoesNotFireAfterARestart()
    {
        var key = Guid.NewGuid().ToString();
        await using (var first = await StartSiloAsync())
        {
            var grain = first.Client.GetGrain<IReminderGrain>(key);
            await grain.RemindMeAsync("cancelled", TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
            await grain.RemindMeAsync("kept", TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
            await grain.ForgetAsync("cancelled");
        }

        await using var second = await StartSiloAsync();
        var again = second.Client.GetGrain<IReminderGrain>(key);

        await Eventually.TrueAsync(() => again.ReceivedAsync().Result.Contains("kept"), "the kept reminder fires");
        Assert.DoesNotContain("cancelled", await again.ReceivedAsync());
    }

    [Fact]
    public async Task ExplicitGrainSubscription_SurvivesASiloRestart()
    {
        var subscriber = $"sub-{Guid.NewGuid():N}";
        await using (var first = await StartSiloAsync())
        {
            await first.Client.GetGrain<IExplicitSubscriberGrain>(subscriber).SubscribeAsync("shared");
        }

        await using var second = await StartSiloAsync();
        var stream = second.Client.GetStreamProvider("StreamProvider").GetStream<string>(StreamId.Create("words", "shared"));
        await stream.OnNextAsync("hello");

        await Eventually.TrueAsync(() => ExplicitSubscriberGrain.Received.Contains($"{subscriber}:hello"), "the resubscribed grain receives the event");
    }
}

public sealed class SqliteSiloStorageTests(SqliteDatabaseFixture database) : SiloStorageTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class PostgresSiloStorageTests(PostgresDatabaseFixture database) : SiloStorageTests(database), IClassFixture<PostgresDatabaseFixture>;

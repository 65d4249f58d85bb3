using OrleansPortal.Fakes;
using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Notifications.Outbox;
using OrleansPortal.Grains.Storage;
using OrleansPortal.Silo.Hosting;
using OrleansPortal.Silo.Storage;
using OrleansPortal.Testing;
using OrleansPortal.Testing.Workload;

namespace OrleansPortal.Reliability.Tests;

/// <summary>
/// Messages acknowledged into the outbox (their row committed) while the app sends them, the app killed with SIGKILL
/// mid-flow and started again: every message reaches the (fake) provider exactly once. The node that dies leaves some
/// messages claimed, and perhaps one the provider took but the outbox never heard about; after the lease runs out the
/// restarted node claims them in doubt, asks Twilio, and sends only what Twilio does not have.
/// </summary>
public sealed class OutboxKillTests : IAsyncLifetime
{
    private const int Messages = 600;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "orleansportal-outbox-kill-" + Guid.NewGuid().ToString("N"));
    private ThrowawayPostgresDatabase _database = null!;
    private FakeTwilio _twilio = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _database = await ThrowawayPostgresDatabase.CreateAsync("outbox");
        _twilio = await FakeTwilio.StartAsync();
    }

    [Fact]
    public async Task KilledWhileSending_EveryAcknowledgedMessageArrivesExactlyOnce()
    {
        var port = FreePort.Next();
        var settings = AppNode.Settings(_database.ConnectionString, "outbox-kill-admin-key-0123456789", Path.Combine(_directory, "shared"));
        settings["Sms__AccountSid"] = _twilio.AccountSid;
        settings["Sms__AuthToken"] = _twilio.AuthToken;
        settings["Sms__From"] = "+15005550006";
        settings["Sms__ApiBaseUrl"] = _twilio.BaseUrl.ToString();
        settings["Portal__PublicBaseUrl"] = $"http://127.0.0.1:{port}";
        // The dead node's claims come back in seconds, not half a minute (a lease must outlast two send timeouts and 5 s).
        settings["Notifications__Outbox__Lease"] = "00:00:08";
        settings["Notifications__Outbox__SendTimeout"] = "00:00:01";
        var app = AppNode.Start("first", Home("first"), settings, port);
        await app.WaitHealthyAsync(TimeSpan.FromSeconds(90));

        var tenant = "outbox-kill-" + Guid.NewGuid().ToString("N");
        await using (var tables = new PortalDatabase(new SiloDatabase(AdoNetInvariants.PostgreSql, _database.ConnectionString)))
        {
            var outbox = new NotificationOutbox(tables);
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < Messages; i++) Assert.NotNull(await outbox.EnqueueAsync(Message(tenant, i, now), now));
        }

        await WaitAsync(() => _twilio.Messages.Count >= Messages / 3, "a third of the messages reached Twilio", app);
        await app.KillAsync();
        await app.DisposeAsync();

        app = AppNode.Start("second", Home("second"), settings, port);
        await app.WaitHealthyAsync(TimeSpan.FromSeconds(90));
        await WaitAsync(() => _twilio.Messages.Count >= Messages, "every message reached Twilio", app);
        await Task.Delay(TimeSpan.FromSeconds(9)); // past another lease: a copy that would go twice has gone by now
        await app.DisposeAsync();

        var copies = _twilio.Messages.GroupBy(m => m.Body).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Messages, copies.Count);
        Assert.All(copies, c => Assert.True(c.Value == 1, $"\"{c.Key}\" reached Twilio {c.Value} times"));
    }

    private static OutgoingMessage Message(string tenant, int i, DateTimeOffset due) => new(
        tenant, $"Reminder:kill-{i}", NotificationTrigger.Reminder, NotificationChannel.Sms, $"+3519{i:D8}", null, null, $"kill-{i}", "en",
        null, $"Reminder {i}: your visit is tomorrow between 10:00 and 12:00.", null, Urgent: false, Marketing: false, due);

    private string Home(string name)
    {
        var home = Path.Combine(_directory, name);
        Directory.CreateDirectory(home);
        return home;
    }

    private static async Task WaitAsync(Func<bool> condition, string what, AppNode app)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Not within 120 s: {what}.\n{app.RecentLog()}");
            await Task.Delay(20);
        }
    }

    public async Task DisposeAsync()
    {
        await _twilio.DisposeAsync();
        await _database.DisposeAsync();
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}

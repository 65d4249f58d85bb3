using OrleansPortal.Grains;
using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Notifications.OptOuts;
using OrleansPortal.Grains.Storage;
using OrleansPortal.Grains.Tests.Infrastructure;

namespace OrleansPortal.Grains.Tests.Notifications.OptOuts;

/// <summary>The opt-out store's contract, run once per database by the sealed subclasses.</summary>
public abstract class OptOutStoreTests(HistoryDatabase database) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);

    private PortalDatabase _tables = null!;
    private OptOutStore _store = null!;

    public async Task InitializeAsync()
    {
        _tables = await PortalTables.OpenAsync(database);
        _store = new OptOutStore(_tables);
    }

    public async Task DisposeAsync() => await _tables.DisposeAsync();

    [Fact]
    public async Task AStop_OptsTheAddressOutOfThatSenderOnly_AndAStartEndsIt()
    {
        var (phone, sender, otherSender) = (NewPhone(), NewPhone(), NewPhone());
        Assert.False(await _store.IsOptedOutAsync(NotificationChannel.Sms, phone, sender));

        await _store.RecordAsync(new OptOutChange(NotificationChannel.Sms, phone, sender, true, T0, OptOutSources.SmsStop));

        Assert.True(await _store.IsOptedOutAsync(NotificationChannel.Sms, phone, sender));
        Assert.False(await _store.IsOptedOutAsync(NotificationChannel.Sms, phone, otherSender));
        Assert.False(await _store.IsOptedOutAsync(NotificationChannel.Email, phone, sender));

        await _store.RecordAsync(new OptOutChange(NotificationChannel.Sms, phone, sender, false, T0.AddMinutes(5), OptOutSources.SmsStart));
        Assert.False(await _store.IsOptedOutAsync(NotificationChannel.Sms, phone, sender));
    }

    [Fact]
    public async Task TheHistory_KeepsEveryChange_LatestFirst_WithTimeAndSource()
    {
        var (email, sender) = ($"maria-{Guid.NewGuid():N}@example.com", "tenant-" + TenantKeys.NewId());
        // Two changes in the same microsecond keep the order they were recorded in.
        await _store.RecordAsync(new OptOutChange(NotificationChannel.Email, email, sender, true, T0, "email-link"));
        await _store.RecordAsync(new OptOutChange(NotificationChannel.Email, email, sender, false, T0, "portal"));
        await _store.RecordAsync(new OptOutChange(NotificationChannel.Email, email, sender, true, T0.AddDays(2).AddTicks(17), "email-link"));

        var history = await _store.HistoryAsync(NotificationChannel.Email, email, 10);

        Assert.Equal(
            [(true, T0.AddDays(2).AddTicks(10), "email-link"), (false, T0, "portal"), (true, T0, "email-link")], // stored to the microsecond
            history.Select(h => (h.OptedOut, h.At, h.Source)));
        Assert.All(history, h => Assert.Equal((NotificationChannel.Email, email, sender), (h.Channel, h.Address, h.Sender)));
        Assert.True(await _store.IsOptedOutAsync(NotificationChannel.Email, email, sender));
        Assert.Single(await _store.HistoryAsync(NotificationChannel.Email, email, 1));
    }

    // Unique per test run, so tests sharing the database never see each other's rows.
    private static string NewPhone() => "+3519" + Random.Shared.NextInt64(10_000_000, 99_999_999);
}

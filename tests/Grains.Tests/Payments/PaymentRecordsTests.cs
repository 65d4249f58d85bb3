using OrleansPortal.Grains.Payments.Records;
using OrleansPortal.Grains.Storage;
using OrleansPortal.Grains.Tests.Infrastructure;

namespace OrleansPortal.Grains.Tests.Payments;

/// <summary>Payment attempts, run once per database by the sealed subclasses.</summary>
public abstract class PaymentRecordsTests(HistoryDatabase database) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private PortalDatabase _tables = null!;
    private PaymentRecords _records = null!;

    public async Task InitializeAsync()
    {
        _tables = await PortalTables.OpenAsync(database);
        _records = new PaymentRecords(_tables);
    }

    public async Task DisposeAsync() => await _tables.DisposeAsync();

    [Fact]
    public async Task AStatusOnlyMovesForward_HoweverLateOrOftenItIsReported()
    {
        var tenant = "payments-" + Guid.NewGuid().ToString("N");
        var processing = Attempt(tenant, "pi_1", PaymentStatus.Processing);

        Assert.True(await _records.RecordAsync(processing));
        Assert.True(await _records.RecordAsync(processing with { Status = PaymentStatus.Succeeded, Method = null, UpdatedAt = T0.AddMinutes(2) }));
        Assert.False(await _records.RecordAsync(processing with { UpdatedAt = T0.AddMinutes(3) })); // a late "processing"
        Assert.False(await _records.RecordAsync(processing with { Status = PaymentStatus.Failed, Failure = "card_declined" }));

        var stored = Assert.Single(await _records.ForTenantAsync(tenant, T0, T0.AddDays(1)));
        Assert.Equal((PaymentStatus.Succeeded, "sepa_debit", T0.AddMinutes(2), (string?)null), (stored.Status, stored.Method, stored.UpdatedAt, stored.Failure));
        Assert.Equal(["inv-1", "inv-2"], stored.InvoiceIds);
    }

    [Fact]
    public async Task AFailedAttempt_CanStillSucceed_AndACustomersAreListedNewestFirst()
    {
        var tenant = "payments-" + Guid.NewGuid().ToString("N");
        await _records.RecordAsync(Attempt(tenant, "pi_1", PaymentStatus.Failed) with { Failure = "card_declined" });
        await _records.RecordAsync(Attempt(tenant, "pi_1", PaymentStatus.Succeeded));
        await _records.RecordAsync(Attempt(tenant, "pi_2", PaymentStatus.Processing) with { CreatedAt = T0.AddHours(1) });
        await _records.RecordAsync(Attempt(tenant, "pi_3", PaymentStatus.Succeeded) with { CustomerId = "someone else" });

        var listed = await _records.ForCustomerAsync(tenant, "customer", 10);

        Assert.Equal([("pi_2", PaymentStatus.Processing), ("pi_1", PaymentStatus.Succeeded)], listed.Select(p => (p.PaymentId, p.Status)));
    }

    private static PaymentRecord Attempt(string tenant, string id, PaymentStatus status) =>
        new(tenant, id, "customer", ["inv-1", "inv-2"], 12_345, "eur", "sepa_debit", status, null, T0, T0);
}

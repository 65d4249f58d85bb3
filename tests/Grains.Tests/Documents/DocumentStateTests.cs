using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using OrleansPortal.Grains.Documents;
using OrleansPortal.Grains.Tests.Serialization;

namespace OrleansPortal.Grains.Tests.Documents;

/// <summary>
/// Document states go through storage with Orleans' serializer, as the silo stores them: what comes back must be what
/// was stored, to the cent, and state stored before amounts were minor units must load into today's shape.
/// </summary>
public sealed class DocumentStateTests
{
    private static readonly OrleansGrainStorageSerializer Storage =
        new(new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>());

    private static TLoaded RoundTrip<TStored, TLoaded>(TStored state) => Storage.Deserialize<TLoaded>(Storage.Serialize(state))!;

    [Fact]
    public void EstimateState_SurvivesStorage_WithItsDecisionAndExactAmounts()
    {
        var stored = new EstimateState
        {
            Details = new NewEstimate("c1", "p1", null, "Drip line", [new LineItem("Tubing", 12.5m, 99, 2300), new LineItem("Fittings", 3m, 135, 2300, 1000)], "EUR",
                new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero), "dana@example.com"),
            CreatedAt = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero),
            Decision = new EstimateDecision(true, "Maria Silva", "contact1", "203.0.113.7", new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)),
        };

        var loaded = RoundTrip<EstimateState, EstimateState>(stored);

        Assert.Equal(stored.Details.Lines, loaded.Details!.Lines);
        Assert.Equal(1238 + 364 + 368, DocumentTotals.Of(loaded.Details.Lines).Total);
        Assert.Equal(stored.Details with { Lines = loaded.Details.Lines }, loaded.Details);
        Assert.Equal(stored.Decision, loaded.Decision);
    }

    [Fact]
    public void ALineStoredBeforeMinorUnits_LoadsWithItsDecimalPrice_WhichBecomesCents()
    {
        var loaded = RoundTrip<PreviousLineItem, LineItem>(new PreviousLineItem("Valve", 3m, 19.99m));

        Assert.Equal(("Valve", 3m, 19.99m, 0L), (loaded.Description, loaded.Quantity, loaded.LegacyUnitPrice, loaded.UnitAmount));
        var converted = loaded.InMinorUnits("EUR");
        Assert.Equal((1999L, 0m, 5997L), (converted.UnitAmount, converted.LegacyUnitPrice, converted.Net));
        Assert.Equal(1250L, new LineItem("Yen", 1m, 1250m, 0, 0, 0).InMinorUnits("JPY").UnitAmount);
    }

    [Fact]
    public void AnInvoiceStoredBeforeTheLedger_LoadsWithItsDetails_AndItsStoredStatusIsDropped()
    {
        var stored = new PreviousInvoiceState
        {
            Details = new PreviousNewInvoice("c1", null, "t1", "March", [new LineItem("Visit", 2m, 80m, 0, 0, 0)], "EUR",
                new DateOnly(2026, 4, 30), "dana@example.com"),
            IssuedAt = DateTimeOffset.UnixEpoch,
            Status = InvoiceStatus.Paid,
        };

        var loaded = RoundTrip<PreviousInvoiceState, InvoiceState>(stored);

        var details = loaded.Details!;
        Assert.Equal(("March", new DateOnly(2026, 4, 30), DateTimeOffset.UnixEpoch, false), (details.Title, details.DueDate, loaded.IssuedAt, loaded.Issuing));
        Assert.Equal(16_000, DocumentTotals.Of([.. details.Lines.Select(l => l.InMinorUnits(details.Currency))]).Total);
    }

    [Fact]
    public void AJobReportState_SurvivesStorage()
    {
        var report = new JobReportState
        {
            Notes = [new ReportNote(DateTimeOffset.UnixEpoch, "technician:t1", true, "Done.")],
            Photos = [new ReportPhoto("0123456789abcdef0123456789abcdef", DateTimeOffset.UnixEpoch, "technician:t1", true, "image/png", 75, null)],
        };

        var loaded = RoundTrip<JobReportState, JobReportState>(report);

        Assert.Equal(report.Notes, loaded.Notes);
        Assert.Equal(report.Photos, loaded.Photos);
    }
}

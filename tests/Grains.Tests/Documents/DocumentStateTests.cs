using System.Text.Json;
using OrleansPortal.Grains.Documents;

namespace OrleansPortal.Grains.Tests.Documents;

/// <summary>Document states go through storage as JSON (web defaults): what comes back must be what was stored, to the cent.</summary>
public sealed class DocumentStateTests
{
    private static readonly JsonSerializerOptions Storage = new(JsonSerializerDefaults.Web);

    private static T RoundTrip<T>(T state) => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(state, Storage), Storage)!;

    [Fact]
    public void EstimateState_SurvivesStorage_WithItsDecisionAndExactAmounts()
    {
        var stored = new EstimateState
        {
            Details = new NewEstimate("c1", "p1", null, "Drip line", [new LineItem("Tubing", 12.5m, 0.99m), new LineItem("Fittings", 3m, 1.35m)], "EUR",
                new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero), "dana@example.com"),
            CreatedAt = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero),
            Decision = new EstimateDecision(true, "Maria Silva", "contact1", "203.0.113.7", new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)),
        };

        var loaded = RoundTrip(stored);

        Assert.Equal(stored.Details.Lines, loaded.Details!.Lines);
        Assert.Equal(16.43m, LineItem.Total(loaded.Details.Lines));
        Assert.Equal(stored.Details with { Lines = loaded.Details.Lines }, loaded.Details);
        Assert.Equal(stored.Decision, loaded.Decision);
    }

    [Fact]
    public void InvoiceAndReportStates_SurviveStorage()
    {
        var invoice = new InvoiceState
        {
            Details = new NewInvoice("c1", null, "t1", "March", [new LineItem("Visit", 2m, 80m)], "EUR", new DateOnly(2026, 4, 30), "dana@example.com"),
            IssuedAt = DateTimeOffset.UnixEpoch,
        };
        var report = new JobReportState
        {
            Notes = [new ReportNote(DateTimeOffset.UnixEpoch, "technician:t1", true, "Done.")],
            Photos = [new ReportPhoto("0123456789abcdef0123456789abcdef", DateTimeOffset.UnixEpoch, "technician:t1", true, "image/png", 75, null)],
        };

        var loadedInvoice = RoundTrip(invoice);
        var loadedReport = RoundTrip(report);

        Assert.Equal((new DateOnly(2026, 4, 30), InvoiceStatus.Open, 160m), (loadedInvoice.Details!.DueDate, loadedInvoice.Status, LineItem.Total(loadedInvoice.Details.Lines)));
        Assert.Equal(report.Notes, loadedReport.Notes);
        Assert.Equal(report.Photos, loadedReport.Photos);
    }
}

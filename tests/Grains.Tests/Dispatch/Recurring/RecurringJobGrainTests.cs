using Microsoft.Extensions.DependencyInjection;
using OrleansPortal.Grains.Dispatch.Recurring;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Grains.Tests.Infrastructure;
using OrleansPortal.Grains.Tickets;
using OrleansPortal.Testing;

namespace OrleansPortal.Grains.Tests.Dispatch.Recurring;

/// <summary>
/// One cluster for the class; each test sets business time to Monday 2026-01-05 08:00 UTC, so that dates are known.
/// Lisbon is on UTC in January. Defaults: a 14-day horizon, a reminder every 12 hours.
/// </summary>
public sealed class RecurringJobGrainTests : IClassFixture<GrainCluster>
{
    private readonly GrainCluster _cluster;
    private readonly IClusterClient _client;

    public RecurringJobGrainTests(GrainCluster cluster)
    {
        _cluster = cluster;
        _client = cluster.Client;
        cluster.Time.Set(ManualTimeProvider.DefaultStart);
    }

    private readonly string Tenant = "tenant-" + TenantKeys.NewId(); // the cluster is shared: every test its own tenant

    private static readonly NewTicket Template = new(
        "cust-1", "prop-1", new GeoPoint(41.16, -8.62), "Rua de Santa Catarina 1, Porto", "Weekly pool maintenance",
        ["pools"], TimeSpan.FromMinutes(45), ArrivalWindow: null, TicketPriority.Routine);

    // Mondays and Thursdays 09:00-12:00 in Lisbon from the clock's first day: inside the first horizon fall 5, 8, 12 and 15 January.
    private static readonly RecurrenceRule MondaysAndThursdays = new(
        1, [DayOfWeek.Monday, DayOfWeek.Thursday], new TimeOnly(9, 0), new TimeOnly(12, 0), "Europe/Lisbon", new DateOnly(2026, 1, 5));

    private static readonly DateOnly[] FirstHorizon = [new(2026, 1, 5), new(2026, 1, 8), new(2026, 1, 12), new(2026, 1, 15)];

    private IRecurringJobGrain Series(string seriesId) => _client.GetGrain<IRecurringJobGrain>(TenantKeys.For(Tenant, seriesId));

    private ITicketGrain Ticket(string ticketId) => _client.GetGrain<ITicketGrain>(TenantKeys.For(Tenant, ticketId));

    /// <summary>The series' reminder as Orleans' reminder table holds it (null when there is none).</summary>
    private Task<ReminderEntry?> StoredReminderAsync(IRecurringJobGrain series) =>
        _cluster.Cluster.Silos[0].ServiceProvider.GetRequiredService<IReminderTable>().ReadRow(series.GetGrainId(), RecurringJobGrain.ReminderName)!;

    [Fact]
    public async Task CreatingASeries_GeneratesEveryOccurrenceInsideTheHorizon_AsScheduledTickets()
    {
        var seriesId = TenantKeys.NewId();

        var created = await Series(seriesId).CreateAsync(new RecurringJob(Template, MondaysAndThursdays), "dana@example.com");

        Assert.Equal(FirstHorizon, created.Generated.Select(g => g.Date));
        foreach (var generated in created.Generated)
        {
            Assert.Equal(OccurrenceTicketId.For(seriesId, generated.Date), generated.TicketId);
            var ticket = await Ticket(generated.TicketId).GetAsync();
            Assert.Equal(TicketStatus.Scheduled, ticket.Status);
            Assert.Equal(new DateTimeOffset(generated.Date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero), ticket.ArrivalWindow!.Start);
            Assert.Equal(TimeSpan.FromHours(3), ticket.ArrivalWindow.End - ticket.ArrivalWindow.Start);
            Assert.Equal(Template with { ArrivalWindow = ticket.ArrivalWindow, RequiredSkills = ticket.Details.RequiredSkills }, ticket.Details);
            Assert.Equal($"recurring:{seriesId}", Assert.Single(ticket.Audit).Actor);
        }

        Assert.Equal(new DateOnly(2026, 1, 5), created.Upcoming[0].Date);
    }

    [Fact]
    public async Task AReminderTick_GeneratesWhatEnteredTheHorizon_AndLaterTicksCreateNothingTwice()
    {
        var seriesId = TenantKeys.NewId();
        var series = Series(seriesId);
        await series.CreateAsync(new RecurringJob(Template, MondaysAndThursdays), "dana@example.com");

        var reminder = await StoredReminderAsync(series);
        Assert.Equal(TimeSpan.FromHours(12), reminder?.Period);

        // Orleans delivers the tick on real time; business time is what the generation reads.
        _cluster.Time.Advance(TimeSpan.FromHours(12)); // the tick at 20:00 sees up to Monday 19 January 20:00
        await series.ReceiveReminder(RecurringJobGrain.ReminderName, default);
        Assert.Equal(5, (await series.GetAsync()).Generated.Count);
        _cluster.Time.Advance(TimeSpan.FromHours(12)); // nothing new until Thursday 22 January is within 14 days
        await series.ReceiveReminder(RecurringJobGrain.ReminderName, default);
        var again = await series.GenerateAsync();

        Assert.Equal([.. FirstHorizon, new DateOnly(2026, 1, 19)], again.Generated.Select(g => g.Date));
        foreach (var generated in again.Generated) Assert.Single((await Ticket(generated.TicketId).GetAsync()).Audit);
    }

    [Fact]
    public async Task ATicketCreatedByAnAttemptThatCrashedBeforeRecordingIt_IsRecorded_NotDuplicated()
    {
        var seriesId = TenantKeys.NewId();
        var orphanId = OccurrenceTicketId.For(seriesId, new DateOnly(2026, 1, 8));
        var window = new TimeWindow(new DateTimeOffset(2026, 1, 8, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 8, 12, 0, 0, TimeSpan.Zero));
        await Ticket(orphanId).CreateAsync(Template with { ArrivalWindow = window }, $"recurring:{seriesId}");

        var created = await Series(seriesId).CreateAsync(new RecurringJob(Template, MondaysAndThursdays), "dana@example.com");

        Assert.Equal(FirstHorizon, created.Generated.Select(g => g.Date));
        Assert.Equal(orphanId, created.Generated.Single(g => g.Date == new DateOnly(2026, 1, 8)).TicketId);
        Assert.Single((await Ticket(orphanId).GetAsync()).Audit);
    }

    [Fact]
    public async Task StoppingASeries_CancelsItsUntouchedFutureTickets_KeepsAssignedOnes_AndGeneratesNoMore()
    {
        var series = Series(TenantKeys.NewId());
        var created = await series.CreateAsync(new RecurringJob(Template, MondaysAndThursdays), "dana@example.com");
        var assigned = created.Generated[1].TicketId;
        await Ticket(assigned).ChangeStatusAsync(new StatusChange(TicketStatus.Assigned, "dana@example.com", TechnicianId: "tech-1"));

        var stopped = await series.StopAsync("dana@example.com");
        _cluster.Time.Advance(TimeSpan.FromDays(3));
        var later = await series.GenerateAsync();

        Assert.NotNull(stopped.StoppedAt);
        Assert.Null(await StoredReminderAsync(series));
        Assert.Empty(later.Upcoming);
        Assert.Equal(FirstHorizon, later.Generated.Select(g => g.Date));
        foreach (var generated in created.Generated)
        {
            var ticket = await Ticket(generated.TicketId).GetAsync();
            Assert.Equal(generated.TicketId == assigned ? TicketStatus.Assigned : TicketStatus.Cancelled, ticket.Status);
        }

        Assert.Equal(RecurringJobGrain.CancelReason, (await Ticket(created.Generated[0].TicketId).GetAsync()).Audit[^1].Reason);
    }

    [Fact]
    public async Task TheTenantIndex_ListsEachSeriesOnce_OldestFirst_AndOnlyTheTenants()
    {
        var index = _cluster.Cluster.Silos[0].ServiceProvider.GetRequiredService<IRecurringJobIndex>();
        var first = TenantKeys.NewId();
        var second = TenantKeys.NewId();

        await Series(first).CreateAsync(new RecurringJob(Template, MondaysAndThursdays), "dana@example.com");
        _cluster.Time.Advance(TimeSpan.FromMinutes(1));
        await Series(second).CreateAsync(new RecurringJob(Template, MondaysAndThursdays), "dana@example.com");
        await index.AddAsync(Tenant, first, _cluster.Time.GetUtcNow()); // again, later: changes nothing, not even its place

        Assert.Equal([first, second], await index.ListAsync(Tenant, null, 10));
        Assert.Equal([second], await index.ListAsync(Tenant, after: first, 10));
        Assert.Empty(await index.ListAsync("tenant-" + TenantKeys.NewId(), null, 10));
        Assert.Empty(await index.ListAsync("tenant-" + TenantKeys.NewId(), after: first, 10)); // another tenant's series is no place to start
    }

    [Fact]
    public void OccurrenceTicketIds_AreStable_ApiShaped_AndDifferPerDateAndSeries()
    {
        var id = OccurrenceTicketId.For("series-1", new DateOnly(2026, 1, 5));

        Assert.Equal(id, OccurrenceTicketId.For("series-1", new DateOnly(2026, 1, 5)));
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.NotEqual(id, OccurrenceTicketId.For("series-1", new DateOnly(2026, 1, 6)));
        Assert.NotEqual(id, OccurrenceTicketId.For("series-2", new DateOnly(2026, 1, 5)));
    }
}

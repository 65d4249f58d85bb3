using OrleansPortal.Grains.Technicians;

namespace OrleansPortal.Grains.Tests.Technicians;

public sealed class PositionWindowTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AWindow_KeepsTheNewestFixOfEachTechnician_WhateverOrderTheyCameIn()
    {
        var window = new PositionWindow();

        window.Add(Change("acme", "ana", T0.AddSeconds(10)));
        window.Add(Change("acme", "ana", T0.AddSeconds(30)));
        window.Add(Change("acme", "ana", T0.AddSeconds(20))); // late: older than what is held
        window.Add(Change("acme", "rui", T0.AddSeconds(5)));

        var batch = Assert.Single(window.ToEvents());
        Assert.Equal("acme", batch.TenantId);
        Assert.Equal([("ana", T0.AddSeconds(30)), ("rui", T0.AddSeconds(5))], batch.Positions.Select(p => (p.TechnicianId, p.Fix.Time)).Order());
    }

    [Fact]
    public void AStatusChange_AtTheSameFix_ReplacesThePositionHeld()
    {
        var window = new PositionWindow();

        window.Add(Change("acme", "ana", T0, TechnicianStatus.Available));
        window.Add(Change("acme", "ana", T0, TechnicianStatus.EnRoute));

        Assert.Equal(TechnicianStatus.EnRoute, Assert.Single(Assert.Single(window.ToEvents()).Positions).Status);
    }

    [Fact]
    public void EachTenant_GetsItsOwnEvent()
    {
        var window = new PositionWindow();

        window.Add(Change("acme", "ana", T0));
        window.Add(Change("globex", "ana", T0));

        var events = window.ToEvents();
        Assert.Equal(["acme", "globex"], events.Select(e => e.TenantId).Order());
        Assert.All(events, e => Assert.All(e.Positions, p => Assert.Equal(e.TenantId, p.TenantId)));
    }

    [Fact]
    public void AWindowOfManyTechnicians_IsPublishedInEventsOfBoundedSize_EachTechnicianOnce()
    {
        var window = new PositionWindow();
        for (var i = 0; i < 2_500; i++) window.Add(Change("acme", $"tech-{i}", T0));

        var events = window.ToEvents(maxPositions: 1_000);

        Assert.Equal([1_000, 1_000, 500], events.Select(e => e.Positions.Count));
        Assert.Equal(2_500, events.SelectMany(e => e.Positions).Select(p => p.TechnicianId).Distinct().Count());
    }

    private static TechnicianPositionChanged Change(string tenant, string technician, DateTimeOffset time, TechnicianStatus status = TechnicianStatus.Available) =>
        new(tenant, technician, technician, status, new GpsFix(time, 41.15, -8.61), time.AddSeconds(1));
}

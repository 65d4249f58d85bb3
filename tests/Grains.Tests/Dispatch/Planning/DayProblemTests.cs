using OrleansPortal.Grains;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Grains.Dispatch.Planning;
using OrleansPortal.Grains.Routing;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Tests.Dispatch.Planning;

public sealed class DayProblemTests
{
    private static readonly DateTimeOffset Epoch = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
    private static readonly GeoPoint Home = new(41.14, -8.61);

    private static PlanningTechnician Technician(string id) =>
        new(id, id, new HashSet<string>(), Home, Home, Epoch.AddHours(8), Epoch.AddHours(17), TimeSpan.Zero);

    private static PlanningJob Job(string ticketId, string? preferred) =>
        new(ticketId, Home, TimeSpan.FromHours(1), Epoch.AddHours(8), Epoch.AddHours(17), null, TicketPriority.Routine, new HashSet<string>(), null, false, preferred);

    [Fact]
    public void APreferredTechnician_BecomesTheJobsPreferredVehicle_OnlyWhenTheyWorkThatDay()
    {
        var day = DayProblem.Build(Epoch, [Technician("ana"), Technician("bruno")], [Job("a", "bruno"), Job("b", "carla"), Job("c", null)], new GreatCircleTravelTimeService());

        Assert.Equal([1, null, null], day.Problem.Jobs.Select(j => j.PreferredVehicle));
        Assert.Equal(5_000, day.Problem.Jobs[0].PreferenceCost); // metres: the default 5 km
    }

    [Fact]
    public void ByDefault_MovingAnHourFromASixHourDayToAnEmptyOne_IsWorthTenKilometres()
    {
        var day = DayProblem.Build(Epoch, [Technician("ana")], [], new GreatCircleTravelTimeService());
        double Balance(double hours) => day.Problem.BalanceWeight * Math.Pow(hours * 3600, 2);

        var saved = Balance(6) + Balance(0) - (Balance(5) + Balance(1));

        Assert.Equal(10_000, saved, 6);
    }

    [Fact]
    public void ZeroWeights_TurnBalanceAndPreferenceOff()
    {
        var options = new DispatchOptions { BalanceKilometersPerHourSquared = 0, PreferredTechnicianKilometers = 0 };

        var day = DayProblem.Build(Epoch, [Technician("ana"), Technician("bruno")], [Job("a", "bruno")], new GreatCircleTravelTimeService(), options);

        Assert.Equal(0, day.Problem.BalanceWeight);
        Assert.Equal(0, day.Problem.Jobs[0].PreferenceCost);
    }
}

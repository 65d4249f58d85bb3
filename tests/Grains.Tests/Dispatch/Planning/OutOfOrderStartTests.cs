using OrleansPortal.Grains;
using OrleansPortal.Grains.Dispatch.Planning;
using OrleansPortal.Grains.Routing;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Tests.Dispatch.Planning;

/// <summary>
/// A technician in Ribeira at 09:00 with three jobs: Campanha 10-11, Boavista 11-12, Matosinhos 14-15, each 30 minutes.
/// In that order the day is on time; setting off to Matosinhos first means waiting there for its window.
/// </summary>
public sealed class OutOfOrderStartTests
{
    private static readonly DateTimeOffset Nine = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly GeoPoint Ribeira = new(41.1405, -8.6110);
    private static readonly GeoPoint Campanha = new(41.1486, -8.5856);
    private static readonly GeoPoint Boavista = new(41.1579, -8.6291);
    private static readonly GeoPoint Matosinhos = new(41.1844, -8.6963);

    private const int A = 0, B = 1, C = 2; // Campanha, Boavista, Matosinhos

    private static DayProblem Day(TicketPriority priorityOfA = TicketPriority.Routine) => DayProblem.Build(
        Nine.AddHours(-9),
        [new PlanningTechnician("gil", "Gil", new HashSet<string>(), Ribeira, Ribeira, Nine, Nine.AddHours(10), TimeSpan.Zero)],
        [Job("a", Campanha, 1, 2, priorityOfA), Job("b", Boavista, 2, 3), Job("c", Matosinhos, 5, 6)],
        new GreatCircleTravelTimeService());

    private static PlanningJob Job(string id, GeoPoint at, int fromHours, int toHours, TicketPriority priority = TicketPriority.Routine)
    {
        var window = new TimeWindow(Nine.AddHours(fromHours), Nine.AddHours(toHours));
        return new PlanningJob(id, at, TimeSpan.FromMinutes(30), window.Start, window.End, window, priority, new HashSet<string>(), "gil", false);
    }

    private static bool NoneOnSite(int job) => false;

    [Fact]
    public void StartingTheNextJob_ChangesNothing()
    {
        var outcome = OutOfOrderStart.Evaluate(Day(), 0, [A, B, C], A, NoneOnSite);

        Assert.True(outcome.InOrder);
        Assert.Equal(A, outcome.Next);
        Assert.Equal([A, B, C], outcome.Order);
        Assert.Empty(outcome.Hurt);
    }

    [Fact]
    public void StartingTheLastJobFirst_NamesTheJobsItMakesLate_AndByHowMuch()
    {
        var day = Day();

        var outcome = OutOfOrderStart.Evaluate(day, 0, [A, B, C], C, NoneOnSite);

        Assert.False(outcome.InOrder);
        Assert.Equal(A, outcome.Next);
        Assert.Equal(C, outcome.Order[0]);
        Assert.Equal([A, B], outcome.Hurt.Select(h => h.After.Job).Order());
        foreach (var (before, after) in outcome.Hurt)
        {
            Assert.Equal(0, before.MinutesLate); // on time in the planned order
            // Matosinhos's window opens at 14:00 and the job takes 30 minutes: nothing else starts before 14:30.
            Assert.True(after.Arrival > Nine.AddHours(5.5), $"job {after.Job} arrives at {after.Arrival:HH:mm}");
            Assert.Equal(Math.Round((after.Arrival - day.Jobs[after.Job].Window!.End).TotalMinutes, 1), after.MinutesLate);
        }
    }

    [Fact]
    public void TheRestIsReordered_ToKeepTheWindowsBest_NotLeftInThePlannedOrder()
    {
        var day = Day();
        var planned = RouteTimes.Simulate(day, 0, [C, A, B]).MinutesLate; // the job first, the rest as they were

        var outcome = OutOfOrderStart.Evaluate(day, 0, [A, B, C], C, NoneOnSite);

        // From Matosinhos, Boavista is much nearer than Campanha: both are late by then, and going there first makes
        // less lateness in all than keeping Campanha's earlier place.
        Assert.Equal([C, B, A], outcome.Order);
        Assert.True(RouteTimes.Simulate(day, 0, outcome.Order).MinutesLate < planned);
    }

    [Fact]
    public void AnEmergencysMinuteLate_WeighsAHundredRoutineOnes()
    {
        // Routine: Boavista first (less lateness in all). An emergency in Campanha: Campanha first, though it costs more in all.
        Assert.Equal([C, B, A], OutOfOrderStart.StartingWith(Day(), 0, [A, B, C], C, NoneOnSite));
        Assert.Equal([C, A, B], OutOfOrderStart.StartingWith(Day(priorityOfA: TicketPriority.Emergency), 0, [A, B, C], C, NoneOnSite));
    }

    [Fact]
    public void AJobOnSite_StaysFirst_AndIsNotTheNextOneToStart()
    {
        bool onSite(int job) => job == A;

        var outcome = OutOfOrderStart.Evaluate(Day(), 0, [A, B, C], B, onSite);
        var outOfOrder = OutOfOrderStart.Evaluate(Day(), 0, [A, B, C], C, onSite);

        Assert.True(outcome.InOrder); // B is next once the technician is working at A
        Assert.False(outOfOrder.InOrder);
        Assert.Equal([A, C, B], outOfOrder.Order);
    }
}

using OrleansPortal.Grains.Dispatch.Optimization;

namespace OrleansPortal.Grains.Tests.Dispatch.Optimization;

public sealed class SolomonSolutionCheckerTests
{
    // Depot at the origin, horizon 100, two vehicles of capacity 12. Customer 1 at (3,4) is 5 from the depot and from customer 2 at (6,8).
    private const string Tiny = """
        TINY

        VEHICLE
        NUMBER     CAPACITY
          2         12

        CUSTOMER
        CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME

            0      0          0          0          0        100          0
            1      3          4          6          0         20          5
            2      6          8          6         12         30          5
            3      0          5          3          0         90          1
        """;

    private static readonly SolomonInstance Instance = SolomonInstance.Parse("tiny", Tiny);

    private static SolutionCheck Check(params int[][] routes) => SolomonSolutionChecker.Check(Instance, routes);

    [Fact]
    public void FeasibleSolution_IsAcceptedWithItsEuclideanDistance()
    {
        var check = Check([1, 2], [3]);

        Assert.True(check.Feasible, string.Join("; ", check.Violations));
        Assert.Equal(2, check.Vehicles);
        Assert.Equal(5 + 5 + 10 + 5 + 5, check.Distance, 9);
    }

    [Fact]
    public void RouteOverCapacity_IsRejected()
    {
        var check = Check([1, 2, 3]);

        Assert.False(check.Feasible);
        Assert.Contains(check.Violations, v => v.Contains("capacity", StringComparison.Ordinal));
    }

    [Fact]
    public void ArrivalAfterTheDueDate_IsRejected()
    {
        // Customer 1 is due at 20 but, after customers 3 and 2, is reached at about 24.7.
        var check = Check([3, 2, 1]);

        Assert.False(check.Feasible);
        Assert.Contains(check.Violations, v => v.Contains("customer 1 reached", StringComparison.Ordinal));
    }

    [Fact]
    public void EarlyArrival_WaitsInsteadOfFailing()
    {
        // Customer 2 is reached at 10 and opens at 12.
        var check = Check([2], [1, 3]);

        Assert.True(check.Feasible, string.Join("; ", check.Violations));
    }

    [Fact]
    public void ReturnAfterTheDepotCloses_IsRejected()
    {
        // Customer 2 is served from 12 to 17 and is 10 from the depot, which now closes at 24.
        var instance = Instance with { Customers = [Instance.Customers[0] with { DueDate = 24 }, .. Instance.Customers.Skip(1)] };

        var check = SolomonSolutionChecker.Check(instance, [[1], [2], [3]]);

        Assert.False(check.Feasible);
        Assert.Contains(check.Violations, v => v.Contains("back at the depot", StringComparison.Ordinal));
    }

    [Fact]
    public void MissingCustomer_IsRejected()
    {
        var check = Check([1, 2]);

        Assert.False(check.Feasible);
        Assert.Contains(check.Violations, v => v.Contains("customer 3 is not visited", StringComparison.Ordinal));
    }

    [Fact]
    public void CustomerVisitedTwice_IsRejected()
    {
        var check = Check([1, 2], [3, 1]);

        Assert.False(check.Feasible);
        Assert.Contains(check.Violations, v => v.Contains("customer 1 is visited 2 times", StringComparison.Ordinal));
    }

    [Fact]
    public void MoreRoutesThanVehicles_IsRejected()
    {
        var check = Check([1], [2], [3]);

        Assert.False(check.Feasible);
        Assert.Contains(check.Violations, v => v.Contains("only 2 vehicles", StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownCustomer_IsRejected()
    {
        var check = Check([1, 2], [3, 42]);

        Assert.False(check.Feasible);
        Assert.Contains(check.Violations, v => v.Contains("42 is not a customer", StringComparison.Ordinal));
    }
}

namespace OrleansPortal.Grains.Dispatch.Optimization;

/// <summary>
/// Judges a Solomon solution from the instance's raw data alone. Deliberately shares nothing with the solver
/// (no matrix, no schedule arrays), so a bug in the solver's feasibility shortcuts cannot hide here.
/// </summary>
public static class SolomonSolutionChecker
{
    private const double Tolerance = 1e-6;

    /// <param name="routes">Each route as customer ids in visiting order, depot excluded at both ends.</param>
    public static SolutionCheck Check(SolomonInstance instance, IReadOnlyList<IReadOnlyList<int>> routes)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(routes);
        var violations = new List<string>();
        var byId = instance.Customers.ToDictionary(c => c.Id);
        var depot = instance.Customers[0];
        var visits = new Dictionary<int, int>();
        var total = 0.0;
        var used = 0;

        for (var r = 0; r < routes.Count; r++)
        {
            var route = routes[r];
            if (route.Count == 0)
            {
                continue;
            }
            used++;
            var here = depot;
            var clock = depot.ReadyTime;
            var load = 0.0;
            foreach (var id in route)
            {
                if (id == depot.Id || !byId.TryGetValue(id, out var next))
                {
                    violations.Add($"route {r}: {id} is not a customer");
                    continue;
                }
                visits[id] = visits.GetValueOrDefault(id) + 1;
                var leg = Euclid(here, next);
                total += leg;
                var arrival = clock + leg;
                if (arrival > next.DueDate + Tolerance)
                {
                    violations.Add($"route {r}: customer {id} reached at {arrival:F2}, after its due date {next.DueDate}");
                }
                clock = Math.Max(arrival, next.ReadyTime) + next.ServiceTime;
                load += next.Demand;
                here = next;
            }
            var back = Euclid(here, depot);
            total += back;
            if (clock + back > depot.DueDate + Tolerance)
            {
                violations.Add($"route {r}: back at the depot at {clock + back:F2}, after its due time {depot.DueDate}");
            }
            if (load > instance.Capacity + Tolerance)
            {
                violations.Add($"route {r}: load {load} exceeds capacity {instance.Capacity}");
            }
        }

        if (used > instance.VehicleCount)
        {
            violations.Add($"{used} routes, but only {instance.VehicleCount} vehicles");
        }
        foreach (var customer in instance.Customers.Skip(1))
        {
            var count = visits.GetValueOrDefault(customer.Id);
            if (count == 0)
            {
                violations.Add($"customer {customer.Id} is not visited");
            }
            else if (count > 1)
            {
                violations.Add($"customer {customer.Id} is visited {count} times");
            }
        }
        return new SolutionCheck(violations.Count == 0, violations, used, total);
    }

    private static double Euclid(SolomonCustomer a, SolomonCustomer b)
    {
        var dx = a.X - b.X;
        var dy = a.Y - b.Y;
        return Math.Sqrt(dx * dx + dy * dy);
    }
}

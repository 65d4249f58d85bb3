using System.Globalization;

namespace OrleansPortal.Grains.Dispatch.Optimization;

/// <summary>
/// A Solomon VRPTW benchmark instance parsed from its text (the caller reads the file, so this stays free of I/O).
/// <see cref="Customers"/>[0] is the depot; customers follow in file order.
/// </summary>
public sealed record SolomonInstance(string Name, int VehicleCount, double Capacity, IReadOnlyList<SolomonCustomer> Customers)
{
    /// <summary>
    /// Parses the standard layout by tokens, not columns: the two numbers after the VEHICLE heading, then
    /// every line of seven numbers after the CUSTOMER heading. Accepts CRLF and trailing spaces.
    /// </summary>
    public static SolomonInstance Parse(string name, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        int? vehicles = null;
        double capacity = 0;
        var customers = new List<SolomonCustomer>();
        var section = "";
        foreach (var raw in lines)
        {
            var fields = raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0)
            {
                continue;
            }
            if (fields[0].Equals("VEHICLE", StringComparison.OrdinalIgnoreCase) ||
                fields[0].Equals("CUSTOMER", StringComparison.OrdinalIgnoreCase))
            {
                section = fields[0].ToUpperInvariant();
                continue;
            }
            var numbers = new double[fields.Length];
            var numeric = true;
            for (var i = 0; i < fields.Length && numeric; i++)
            {
                numeric = double.TryParse(fields[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]);
            }
            if (!numeric)
            {
                continue;
            }
            if (section == "VEHICLE" && fields.Length == 2 && vehicles is null)
            {
                vehicles = (int)numbers[0];
                capacity = numbers[1];
            }
            else if (section == "CUSTOMER" && fields.Length == 7)
            {
                customers.Add(new SolomonCustomer((int)numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5], numbers[6]));
            }
        }
        if (vehicles is null || customers.Count < 2 || customers[0].Id != 0)
        {
            throw new FormatException($"'{name}' is not a Solomon instance: it needs a VEHICLE block and a CUSTOMER block starting with the depot (0).");
        }
        return new SolomonInstance(name, vehicles.Value, capacity, customers);
    }

    /// <summary>
    /// The instance as a routing problem: location i is Customers[i], job j is customer Customers[j + 1],
    /// Euclidean distance equals travel time, and every job carries the same penalty, so only vehicles and distance matter.
    /// </summary>
    public RoutingProblem ToProblem()
    {
        var depot = Customers[0];
        var matrix = ArrayTravelMatrix.Euclidean(Customers.Select(c => (c.X, c.Y)).ToArray());
        var jobs = Customers.Skip(1)
            .Select((c, j) => new Job(j + 1, c.ServiceTime, c.ReadyTime, c.DueDate, c.Demand))
            .ToArray();
        var vehicles = Enumerable.Range(0, VehicleCount)
            .Select(_ => new Vehicle(0, 0, depot.ReadyTime, depot.DueDate, Capacity))
            .ToArray();
        return new RoutingProblem(jobs, vehicles, matrix);
    }

    /// <summary>The solution's non-empty routes as lists of customer ids, the form the checker takes.</summary>
    public IReadOnlyList<IReadOnlyList<int>> CustomerRoutes(RoutingSolution solution)
    {
        ArgumentNullException.ThrowIfNull(solution);
        return solution.Routes
            .Where(r => r.Count > 0)
            .Select(r => (IReadOnlyList<int>)r.Select(j => Customers[j + 1].Id).ToArray())
            .ToArray();
    }
}

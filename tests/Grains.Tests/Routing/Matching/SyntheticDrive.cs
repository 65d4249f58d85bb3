using OrleansPortal.Grains.Routing;
using OrleansPortal.Grains.Routing.Matching;

namespace OrleansPortal.Grains.Tests.Routing.Matching;

/// <summary>A piece of an edge the synthetic vehicle really drove (fractions of the edge from its source).</summary>
internal readonly record struct DrivenPiece(int Edge, double From, double To);

/// <summary>A synthetic trace and the path that produced it.</summary>
internal sealed record SyntheticTrace(IReadOnlyList<DrivenPiece> Truth, IReadOnlyList<GpsFix> Fixes);

/// <summary>
/// Drives known paths on a road graph and reports them the way a poor GPS would: fastest routes between random
/// nodes (from the graph's own hierarchy), each edge at its free-flow speed times a random 0.4 to 1.2, a fix every
/// 15 s with Gaussian noise, a few fixes thrown 100 m or more off, a 60 to 90 s hole, a U-turn in the middle of a
/// two-way street followed by a drive back the way it came, and a vehicle standing still at both ends.
/// </summary>
internal sealed class SyntheticDrive(RoadGraph graph, int seed)
{
    private const double Interval = 15;
    private const double MetersPerDegreeLatitude = 111_195;
    private readonly Random _random = new(seed);
    private readonly List<int> _nodes = [];

    public double NoiseSigmaMeters { get; init; } = 10;

    public SyntheticTrace Next()
    {
        while (true)
        {
            var truth = TryPlan();
            if (truth is not null) return new SyntheticTrace(truth, Sample(truth));
        }
    }

    /// <summary>O to X, a U-turn halfway along X's last street, back along it at least 200 m to Y, then Y to D.</summary>
    private List<DrivenPiece>? TryPlan()
    {
        var origin = _random.Next(graph.NodeCount);
        var turn = NodeNear(origin, 1500, 3000);
        if (turn < 0) return null;
        var toTurn = Route(origin, turn);
        if (toTurn is null || toTurn.Count < 4) return null;

        // Back along the way it came, every edge of it two-way, for at least 200 m.
        var back = new List<int>();
        var backMeters = 0.0;
        for (var k = toTurn.Count - 1; k >= 0 && backMeters < 200; k--)
        {
            var reverse = EdgeBetween(graph.EdgeTo(toTurn[k]), graph.EdgeFrom(toTurn[k]));
            if (reverse < 0) return null;
            back.Add(reverse);
            backMeters += graph.EdgeLengthMeters(reverse);
        }
        if (backMeters < 200 || back.Count >= toTurn.Count) return null;
        var turnEdge = toTurn[^1];
        if (graph.EdgeLengthMeters(turnEdge) < 30) return null; // a U-turn mid-street needs a street to turn in

        var resume = graph.EdgeTo(back[^1]);
        var destination = NodeNear(resume, 1000, 2500);
        if (destination < 0) return null;
        var onward = Route(resume, destination);
        if (onward is null || onward.Count < 2) return null;
        // Not straight back along the street it has just come down again.
        if (graph.EdgeTo(onward[0]) == graph.EdgeFrom(back[^1])) return null;

        var pieces = new List<DrivenPiece>();
        pieces.AddRange(toTurn.Take(toTurn.Count - 1).Select(e => new DrivenPiece(e, 0, 1)));
        pieces.Add(new DrivenPiece(turnEdge, 0, 0.6));
        pieces.Add(new DrivenPiece(back[0], 0.4, 1));
        pieces.AddRange(back.Skip(1).Select(e => new DrivenPiece(e, 0, 1)));
        pieces.AddRange(onward.Select(e => new DrivenPiece(e, 0, 1)));
        return pieces;
    }

    private int NodeNear(int from, double minMeters, double maxMeters)
    {
        var origin = graph.NodeLocation(from);
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var v = _random.Next(graph.NodeCount);
            var d = origin.DistanceMetersTo(graph.NodeLocation(v));
            if (d >= minMeters && d <= maxMeters) return v;
        }
        return -1;
    }

    private List<int>? Route(int source, int target)
    {
        if (!graph.Hierarchy.TryFindPath(source, target, _nodes)) return null;
        var edges = new List<int>();
        for (var k = 0; k + 1 < _nodes.Count; k++)
        {
            var e = EdgeBetween(_nodes[k], _nodes[k + 1]);
            if (e < 0) return null;
            edges.Add(e);
        }
        return edges;
    }

    /// <summary>The fastest edge from u to v, or -1.</summary>
    internal int EdgeBetween(int u, int v)
    {
        var best = -1;
        for (var e = graph.FirstEdgeOf(u); e < graph.EndEdgeOf(u); e++)
        {
            if (graph.EdgeTo(e) == v && (best < 0 || graph.EdgeFreeFlowSeconds(e) < graph.EdgeFreeFlowSeconds(best))) best = e;
        }
        return best;
    }

    private List<GpsFix> Sample(IReadOnlyList<DrivenPiece> truth)
    {
        // The timeline: when the vehicle is at the start of each piece.
        var starts = new double[truth.Count + 1];
        for (var k = 0; k < truth.Count; k++)
        {
            var (edge, from, to) = truth[k];
            var factor = 0.4 + 0.8 * _random.NextDouble();
            starts[k + 1] = starts[k] + graph.EdgeFreeFlowSeconds(edge) * (to - from) / factor;
        }
        var driving = starts[^1];
        var at0 = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
        var fixes = new List<GpsFix>();
        var standing = 3 + _random.Next(3);
        var clock = 0.0;

        // Waiting at the start: a parked vehicle's fixes wander a few metres.
        for (var k = 0; k < standing; k++, clock += Interval)
            fixes.Add(new GpsFix(Noisy(PositionAt(truth, starts, 0), 4), at0.AddSeconds(clock)));
        var drivingStart = clock - Interval;
        // The hole falls on the drive after the U-turn (a U-turn no fix saw is not there to be matched).
        var turnIndex = truth.ToList().FindIndex(p => p.To < 1);
        var onwardStart = starts[Math.Min(truth.Count, turnIndex + 2)] + 45;
        var holeStart = drivingStart + onwardStart + Math.Max(0, driving - onwardStart - 150) * _random.NextDouble();
        var holeEnd = holeStart + 60 + 30 * _random.NextDouble();
        var outliers = 1 + _random.Next(2);
        for (; clock - drivingStart < driving; clock += Interval)
        {
            if (clock >= holeStart && clock < holeEnd) continue;
            var position = PositionAt(truth, starts, clock - drivingStart);
            if (outliers > 0 && clock - drivingStart > 60 && _random.NextDouble() < 0.08)
            {
                outliers--;
                fixes.Add(new GpsFix(Offset(position, 100 + 100 * _random.NextDouble(), _random.NextDouble() * 2 * Math.PI), at0.AddSeconds(clock)));
                continue;
            }
            fixes.Add(new GpsFix(Noisy(position, NoiseSigmaMeters), at0.AddSeconds(clock)));
        }
        var end = PositionAt(truth, starts, driving);
        for (var k = 0; k < standing; k++, clock += Interval)
            fixes.Add(new GpsFix(Noisy(end, 4), at0.AddSeconds(clock)));
        return fixes;
    }

    private GeoPoint PositionAt(IReadOnlyList<DrivenPiece> truth, double[] starts, double t)
    {
        var k = Array.BinarySearch(starts, t);
        if (k < 0) k = ~k - 1;
        k = Math.Clamp(k, 0, truth.Count - 1);
        var (edge, from, to) = truth[k];
        var share = starts[k + 1] > starts[k] ? Math.Clamp((t - starts[k]) / (starts[k + 1] - starts[k]), 0, 1) : 0;
        var f = from + (to - from) * share;
        var a = graph.NodeLocation(graph.EdgeFrom(edge));
        var b = graph.NodeLocation(graph.EdgeTo(edge));
        return new GeoPoint(a.Latitude + (b.Latitude - a.Latitude) * f, a.Longitude + (b.Longitude - a.Longitude) * f);
    }

    private GeoPoint Noisy(GeoPoint p, double sigma) => Shift(p, sigma * Gaussian(), sigma * Gaussian());

    private GeoPoint Offset(GeoPoint p, double meters, double angle) => Shift(p, meters * Math.Cos(angle), meters * Math.Sin(angle));

    private static GeoPoint Shift(GeoPoint p, double east, double north) => new(
        p.Latitude + north / MetersPerDegreeLatitude,
        p.Longitude + east / (MetersPerDegreeLatitude * Math.Cos(p.Latitude * Math.PI / 180)));

    private double Gaussian()
    {
        // Box-Muller.
        var u = 1 - _random.NextDouble();
        var v = _random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }
}

using System.Runtime.CompilerServices;

namespace OrleansPortal.Grains.Routing.Matching;

/// <summary>
/// A uniform grid of edge ids by bounding box, for "which road segments pass within r metres of this point".
/// Positions are in a local flat projection in metres (equirectangular about the graph's middle latitude): over a
/// city it differs from great-circle distance by well under 0.1 %, and projecting a fix onto a straight segment
/// becomes plain vector arithmetic. Built once per graph and shared (<see cref="For"/>); immutable, so thread-safe.
/// </summary>
internal sealed class EdgeGrid
{
    private const double CellMeters = 100;
    private const double MetersPerDegreeLatitude = 111_195;

    private static readonly ConditionalWeakTable<RoadGraph, EdgeGrid> Grids = [];

    private readonly double _lat0, _lon0, _metersPerDegreeLongitude;
    private readonly int _rows, _columns;
    private readonly int[] _cellStart;
    private readonly int[] _cellEdges;

    /// <summary>Node positions in the local projection, metres east and north of the graph's south-west corner.</summary>
    public double[] X { get; }

    public double[] Y { get; }

    public static EdgeGrid For(RoadGraph graph) => Grids.GetValue(graph, g => new EdgeGrid(g));

    private EdgeGrid(RoadGraph graph)
    {
        var n = graph.NodeCount;
        X = new double[n];
        Y = new double[n];
        if (n == 0)
        {
            _cellStart = [0];
            _cellEdges = [];
            return;
        }
        double minLat = double.MaxValue, minLon = double.MaxValue, maxLat = double.MinValue, maxLon = double.MinValue;
        for (var v = 0; v < n; v++)
        {
            var p = graph.NodeLocation(v);
            minLat = Math.Min(minLat, p.Latitude);
            maxLat = Math.Max(maxLat, p.Latitude);
            minLon = Math.Min(minLon, p.Longitude);
            maxLon = Math.Max(maxLon, p.Longitude);
        }
        _lat0 = minLat;
        _lon0 = minLon;
        _metersPerDegreeLongitude = MetersPerDegreeLatitude * Math.Cos((minLat + maxLat) / 2 * Math.PI / 180);
        for (var v = 0; v < n; v++)
        {
            (X[v], Y[v]) = Project(graph.NodeLocation(v));
        }
        _columns = (int)((maxLon - minLon) * _metersPerDegreeLongitude / CellMeters) + 1;
        _rows = (int)((maxLat - minLat) * MetersPerDegreeLatitude / CellMeters) + 1;

        // Two passes over the edges' bounding boxes: count per cell, then fill (CSR, like the graph itself).
        _cellStart = new int[_rows * _columns + 1];
        var edges = graph.EdgeCount;
        for (var e = 0; e < edges; e++)
        {
            ForEachCell(graph, e, cell => _cellStart[cell + 1]++);
        }
        for (var c = 0; c < _rows * _columns; c++)
        {
            _cellStart[c + 1] += _cellStart[c];
        }
        _cellEdges = new int[_cellStart[^1]];
        var fill = _cellStart[..^1];
        for (var e = 0; e < edges; e++)
        {
            ForEachCell(graph, e, cell => _cellEdges[fill[cell]++] = e);
        }
    }

    public (double X, double Y) Project(GeoPoint point) =>
        ((point.Longitude - _lon0) * _metersPerDegreeLongitude, (point.Latitude - _lat0) * MetersPerDegreeLatitude);

    private void ForEachCell(RoadGraph graph, int edge, Action<int> visit)
    {
        int a = graph.EdgeFrom(edge), b = graph.EdgeTo(edge);
        var (r0, c0) = Cell(Math.Min(X[a], X[b]), Math.Min(Y[a], Y[b]));
        var (r1, c1) = Cell(Math.Max(X[a], X[b]), Math.Max(Y[a], Y[b]));
        for (var r = r0; r <= r1; r++)
            for (var c = c0; c <= c1; c++)
                visit(r * _columns + c);
    }

    private (int Row, int Column) Cell(double x, double y) =>
        (Math.Clamp((int)Math.Floor(y / CellMeters), 0, _rows - 1), Math.Clamp((int)Math.Floor(x / CellMeters), 0, _columns - 1));

    /// <summary>
    /// The edges whose bounding boxes share a cell with the square of half-side <paramref name="radius"/> about
    /// (x, y), as ranges of <see cref="CellEdges"/>; an edge may come up in more than one cell.
    /// </summary>
    public void CellsAround(double x, double y, double radius, List<(int Start, int End)> ranges)
    {
        ranges.Clear();
        if (_cellEdges.Length == 0) return;
        var (r0, c0) = Cell(x - radius, y - radius);
        var (r1, c1) = Cell(x + radius, y + radius);
        for (var r = r0; r <= r1; r++)
            for (var c = c0; c <= c1; c++)
            {
                var cell = r * _columns + c;
                if (_cellStart[cell] < _cellStart[cell + 1]) ranges.Add((_cellStart[cell], _cellStart[cell + 1]));
            }
    }

    public ReadOnlySpan<int> CellEdges => _cellEdges;
}

namespace OrleansPortal.Grains.Routing;

/// <summary>
/// A uniform grid of buckets over the nodes' bounding box for nearest-node lookups. Cells are about 250 m wide,
/// so a city-scale query looks at a few dozen nodes instead of all of them.
/// </summary>
internal sealed class NodeGrid
{
    private const double CellMeters = 250;
    private const double MetersPerDegreeLatitude = 111_195;

    private readonly GeoPoint[] _locations;
    private readonly double _minLat, _minLon, _cellLat, _cellLon;
    private readonly int _rows, _columns;
    private readonly int[] _cellStart;
    private readonly int[] _cellNodes;

    public NodeGrid(GeoPoint[] locations)
    {
        _locations = locations;
        if (locations.Length == 0)
        {
            _cellStart = [0];
            _cellNodes = [];
            return;
        }
        _minLat = locations.Min(p => p.Latitude);
        _minLon = locations.Min(p => p.Longitude);
        var maxLat = locations.Max(p => p.Latitude);
        var maxLon = locations.Max(p => p.Longitude);
        _cellLat = CellMeters / MetersPerDegreeLatitude;
        _cellLon = CellMeters / (MetersPerDegreeLatitude * Math.Max(0.01, Math.Cos((_minLat + maxLat) / 2 * Math.PI / 180)));
        _rows = (int)((maxLat - _minLat) / _cellLat) + 1;
        _columns = (int)((maxLon - _minLon) / _cellLon) + 1;

        _cellStart = new int[_rows * _columns + 1];
        var cells = new int[locations.Length];
        for (var i = 0; i < locations.Length; i++)
        {
            cells[i] = Row(locations[i].Latitude) * _columns + Column(locations[i].Longitude);
            _cellStart[cells[i] + 1]++;
        }
        for (var c = 0; c < _rows * _columns; c++)
        {
            _cellStart[c + 1] += _cellStart[c];
        }
        _cellNodes = new int[locations.Length];
        var fill = _cellStart[..^1];
        for (var i = 0; i < locations.Length; i++)
        {
            _cellNodes[fill[cells[i]]++] = i;
        }
    }

    private int Row(double latitude) => (int)Math.Floor((latitude - _minLat) / _cellLat);

    private int Column(double longitude) => (int)Math.Floor((longitude - _minLon) / _cellLon);

    public bool TryFindNearest(GeoPoint point, double maxMeters, out int node, out double meters)
    {
        node = -1;
        meters = double.PositiveInfinity;
        if (_locations.Length == 0 || !double.IsFinite(point.Latitude) || !double.IsFinite(point.Longitude))
        {
            return false;
        }
        int row = Row(point.Latitude), column = Column(point.Longitude);
        var maxRing = (int)Math.Ceiling(maxMeters / CellMeters) + 1;
        for (var ring = 0; ring <= maxRing; ring++)
        {
            // Every node in ring r + 1 is at least r cells away, so once the best is that close the search is done.
            for (var r = row - ring; r <= row + ring; r++)
            {
                if (r < 0 || r >= _rows) continue;
                var onEdgeRow = r == row - ring || r == row + ring;
                for (var c = column - ring; c <= column + ring; c += onEdgeRow || ring == 0 ? 1 : 2 * ring)
                {
                    if (c < 0 || c >= _columns) continue;
                    var cell = r * _columns + c;
                    for (var k = _cellStart[cell]; k < _cellStart[cell + 1]; k++)
                    {
                        var d = point.DistanceMetersTo(_locations[_cellNodes[k]]);
                        if (d < meters)
                        {
                            meters = d;
                            node = _cellNodes[k];
                        }
                    }
                }
            }
            if (meters <= ring * CellMeters)
            {
                break;
            }
        }
        if (meters > maxMeters)
        {
            node = -1;
            return false;
        }
        return true;
    }
}

namespace OrleansPortal.Grains.Dispatch.Optimization;

/// <summary>A matrix held in 2D arrays; when no time array is given, travel time equals distance (Solomon's convention).</summary>
public sealed class ArrayTravelMatrix : ITravelMatrix
{
    private readonly double[,] distance;
    private readonly double[,] time;

    public ArrayTravelMatrix(double[,] distance, double[,]? time = null)
    {
        ArgumentNullException.ThrowIfNull(distance);
        if (distance.GetLength(0) != distance.GetLength(1))
        {
            throw new ArgumentException("The distance matrix must be square.", nameof(distance));
        }
        if (time is not null && (time.GetLength(0) != distance.GetLength(0) || time.GetLength(1) != distance.GetLength(1)))
        {
            throw new ArgumentException("The time matrix must have the distance matrix's shape.", nameof(time));
        }
        this.distance = distance;
        this.time = time ?? distance;
    }

    public int Size => distance.GetLength(0);

    public double Distance(int from, int to) => distance[from, to];

    public double Time(int from, int to) => time[from, to];

    /// <summary>Euclidean distances between points, unrounded, as the Solomon best-knowns are computed.</summary>
    public static ArrayTravelMatrix Euclidean(IReadOnlyList<(double X, double Y)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var d = new double[points.Count, points.Count];
        for (var i = 0; i < points.Count; i++)
        {
            for (var j = 0; j < points.Count; j++)
            {
                var dx = points[i].X - points[j].X;
                var dy = points[i].Y - points[j].Y;
                d[i, j] = Math.Sqrt(dx * dx + dy * dy);
            }
        }
        return new ArrayTravelMatrix(d);
    }
}

namespace OrleansPortal.Grains.Dispatch.Optimization;

/// <summary>Travel between location indices 0..<see cref="Size"/>-1, supplied by the caller (road graph, great circle, Euclidean).</summary>
public interface ITravelMatrix
{
    int Size { get; }

    /// <summary>The cost the solver minimises (distance); need not be symmetric.</summary>
    double Distance(int from, int to);

    /// <summary>Driving time, in the same unit as the jobs' time windows.</summary>
    double Time(int from, int to);
}

namespace OrleansPortal.Grains.Routing;

/// <summary>
/// Driving time and distance from one point to another. <see cref="IsFallback"/> is true when no road graph
/// covered the pair and the figure is the great-circle estimate instead of a route.
/// </summary>
public readonly record struct TravelEstimate(double Seconds, double Meters, bool IsFallback = false);

namespace OrleansPortal.Grains.Routing;

/// <summary>
/// A way that cars may drive on: its node ids in order, its highway class, which directions are open, and the
/// signed maximum speed when the data gives a numeric one.
/// </summary>
public sealed record OsmWay(long Id, long[] NodeIds, string Highway, bool Forward, bool Backward, double? MaxSpeedKilometersPerHour);

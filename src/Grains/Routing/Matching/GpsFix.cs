namespace OrleansPortal.Grains.Routing.Matching;

/// <summary>One position report of a vehicle: where the receiver said it was, and when.</summary>
public readonly record struct GpsFix(GeoPoint Point, DateTimeOffset At);

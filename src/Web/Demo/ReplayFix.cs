namespace OrleansPortal.Web.Demo;

/// <summary>One fix of the replay: whose, when from the pass's start, where, and how the taxi was moving (knots, degrees).</summary>
public sealed record ReplayFix(int Technician, TimeSpan Offset, double Latitude, double Longitude, double Knots, double Bearing);

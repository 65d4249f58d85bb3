namespace OrleansPortal.Grains.Dispatch.Optimization;

/// <summary>
/// A technician's vehicle: leaves <see cref="StartLocation"/> no earlier than <see cref="ShiftStart"/> and must be
/// back at <see cref="EndLocation"/> by <see cref="ShiftEnd"/>; <see cref="Capacity"/> bounds the summed job demand
/// (hours of work, or load for the Solomon instances).
/// </summary>
public sealed record Vehicle(
    int StartLocation,
    int EndLocation,
    double ShiftStart,
    double ShiftEnd,
    double Capacity,
    IReadOnlySet<string>? Skills = null);

namespace OrleansPortal.Grains.Dispatch.Optimization;

/// <summary>One row of a Solomon instance; id 0 is the depot, whose window is the planning horizon.</summary>
public sealed record SolomonCustomer(int Id, double X, double Y, double Demand, double ReadyTime, double DueDate, double ServiceTime);

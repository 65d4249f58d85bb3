using Orleans;

namespace OrleansPortal.Grains.Dispatch;

/// <summary>An optimized plan that was applied: the last one can be undone (<see cref="IDispatchGrain.UndoLastPlanAsync"/>).</summary>
/// <param name="Moved">Jobs that changed technician.</param>
/// <param name="Before">The day before the plan was applied.</param>
/// <param name="After">The day as the plan left it.</param>
[GenerateSerializer, Immutable, Alias("op.AppliedPlan")]
public sealed record AppliedPlan(string PlanId, DateOnly Day, DateTimeOffset AppliedAt, string AppliedBy, int Moved, PlanSummary Before, PlanSummary After);

/// <summary>What undoing a plan did: jobs given back to the technician (or the tray) they had before, and those left where they are, with why.</summary>
/// <param name="After">The day once undone.</param>
[GenerateSerializer, Immutable, Alias("op.UndoReport")]
public sealed record UndoReport(string PlanId, DateOnly Day, int Restored, IReadOnlyList<KeptJob> Kept, PlanSummary After);

/// <summary>A job the undo left where it is; <paramref name="TechnicianId"/> is who has it now (null: the tray or closed).</summary>
[GenerateSerializer, Immutable, Alias("op.KeptJob")]
public sealed record KeptJob(string TicketId, string Title, string? TechnicianId, string Reason);

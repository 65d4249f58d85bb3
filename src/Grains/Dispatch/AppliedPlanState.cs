using Orleans;

namespace OrleansPortal.Grains.Dispatch;

/// <summary>
/// The undo record of an applied plan, stored with the day's plans before any ticket moves: the routes as they were
/// and, per job of the day, its technician before and after the plan.
/// </summary>
[GenerateSerializer, Alias("op.AppliedPlanState")]
public sealed class AppliedPlanState
{
    [Id(0)]
    public string PlanId { get; set; } = "";

    [Id(1)]
    public DateOnly Day { get; set; }

    [Id(2)]
    public DateTimeOffset AppliedAt { get; set; }

    [Id(3)]
    public string AppliedBy { get; set; } = "";

    [Id(4)]
    public int Moved { get; set; }

    [Id(5)]
    public PlanSummary Before { get; set; } = new(0, 0, 0, 0);

    [Id(6)]
    public PlanSummary After { get; set; } = new(0, 0, 0, 0);

    /// <summary>Per technician, the ticket ids in route order before the plan.</summary>
    [Id(7)]
    public Dictionary<string, List<string>> RoutesBefore { get; set; } = [];

    /// <summary>Per ticket of the day, who had it before the plan and who the plan gave it to (null: the tray).</summary>
    [Id(8)]
    public Dictionary<string, AppliedJob> Jobs { get; set; } = [];

    public AppliedPlan AsDto() => new(PlanId, Day, AppliedAt, AppliedBy, Moved, Before, After);
}

/// <param name="Pinned">Whether the job was pinned when the plan was applied: one pinned later was a dispatcher's decision, which undo keeps.</param>
[GenerateSerializer, Immutable, Alias("op.AppliedJob")]
public sealed record AppliedJob(string? Before, string? After, bool Pinned);

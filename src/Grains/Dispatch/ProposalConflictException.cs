using Orleans;

namespace OrleansPortal.Grains.Dispatch;

/// <summary>
/// A proposal cannot be applied: since it was made, a job it moves was reassigned, started, pinned, closed or
/// rescheduled, or a technician it gives work to can no longer be planned. Nothing was applied and the proposal stays;
/// the dispatcher optimizes again or discards it. The web edge answers 409 with <see cref="Conflicts"/>.
/// </summary>
[GenerateSerializer, Alias("op.ProposalConflictException")]
public sealed class ProposalConflictException : Exception
{
    public ProposalConflictException(string message) : base(message)
    {
    }

    public ProposalConflictException(string message, IReadOnlyList<ProposalConflict> conflicts) : base(message) => Conflicts = conflicts;

    [Id(0)]
    public IReadOnlyList<ProposalConflict> Conflicts { get; private set; } = [];
}

/// <summary>One reason a proposal cannot be applied, about a job or (with no job) a technician.</summary>
[GenerateSerializer, Immutable, Alias("op.ProposalConflict")]
public sealed record ProposalConflict(string? TicketId, string? TechnicianId, string Reason);

using Orleans;

namespace OrleansPortal.Grains.Dispatch;

/// <summary>The kinds of reasons a technician cannot take a job, or a planned stop is in trouble.</summary>
[GenerateSerializer, Alias("op.ConflictKind")]
public enum ConflictKind
{
    /// <summary>The technician does not work that day (day off, blackout date) or cannot be planned (no start location).</summary>
    OffShift,
    /// <summary>A skill the job needs that the technician does not have.</summary>
    MissingSkill,
    /// <summary>A certification the job needs that had expired by that day.</summary>
    ExpiredCertificate,
    /// <summary>The work would run past the technician's shift.</summary>
    OutsideShift,
    /// <summary>The job, or another job of the route, would be reached after its window.</summary>
    Late,
    /// <summary>Two jobs of one technician at the same time.</summary>
    DoubleBooking,
}

/// <summary>One reason, as a kind (for the page's short label), a sentence (the same one a refused assignment answers) and its subject (a skill, a time).</summary>
[GenerateSerializer, Immutable, Alias("op.AssignmentConflict")]
public sealed record AssignmentConflict(ConflictKind Kind, string Message, string? Detail = null);

/// <summary>Whether a technician can take a job on a day, and every reason why not.</summary>
[GenerateSerializer, Immutable, Alias("op.TechnicianCandidate")]
public sealed record TechnicianCandidate(string TechnicianId, bool CanTake, IReadOnlyList<AssignmentConflict> Reasons);

/// <param name="Refused">Why no technician can take the job that day (it is under way, its window is on another day, the day is over); null when it is up to each technician.</param>
[GenerateSerializer, Immutable, Alias("op.JobCandidates")]
public sealed record JobCandidates(string TicketId, DateOnly Day, string? Refused, IReadOnlyList<TechnicianCandidate> Technicians);

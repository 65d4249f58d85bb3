using Orleans;

namespace OrleansPortal.Grains.Technicians;

[GenerateSerializer, Alias("op.TechnicianState")]
public sealed class TechnicianState
{
    [Id(0)]
    public TechnicianProfile? Profile { get; set; }

    [Id(1)]
    public TechnicianStatus Status { get; set; } = TechnicianStatus.OffDuty;

    [Id(2)]
    public GpsFix? Position { get; set; }

    [Id(3)]
    public DateTimeOffset? LastSeen { get; set; }

    [Id(4)]
    public List<DeviceSummary> Devices { get; set; } = [];

    [Id(5)]
    public CurrentJob? CurrentJob { get; set; }

    /// <summary>Null until a dispatcher sets one: <see cref="TechnicianSchedule.Default"/> applies.</summary>
    [Id(6)]
    public TechnicianSchedule? Schedule { get; set; }

    /// <summary>Who follows this technician's own location stream (routes, by key), and until when.</summary>
    [Id(7)]
    public Dictionary<string, DateTimeOffset> Followers { get; set; } = [];

    /// <summary>
    /// The status a dispatcher last set, which <see cref="Status"/> returns to (if it was off duty) when a job ends; null
    /// until a dispatcher sets one, and in state stored before it was kept.
    /// </summary>
    [Id(8)]
    public TechnicianStatus? DeclaredStatus { get; set; }

    /// <summary>
    /// The jobs the technician set off to, oldest first, for the last <see cref="JobsHeadedTo.KeptFor"/>: the index that
    /// finds a day's drives (their times are in the tickets' audits) after the jobs are done and off the board.
    /// </summary>
    [Id(9)]
    public List<JobHeadedTo> JobsHeadedTo { get; set; } = [];
}

/// <summary>The technician set off to <paramref name="TicketId"/> at <paramref name="At"/>.</summary>
[GenerateSerializer, Immutable, Alias("op.JobHeadedTo")]
public sealed record JobHeadedTo(string TicketId, DateTimeOffset At)
{
    /// <summary>Long enough to look back over a month's days; the list stays a few hundred entries.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(45);
}

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
}

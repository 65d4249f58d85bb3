namespace OrleansPortal.Grains.Technicians;

public sealed class TechnicianState
{
    public TechnicianProfile? Profile { get; set; }

    public TechnicianStatus Status { get; set; } = TechnicianStatus.OffDuty;

    public GpsFix? Position { get; set; }

    public DateTimeOffset? LastSeen { get; set; }

    public List<DeviceSummary> Devices { get; set; } = [];

    public CurrentJob? CurrentJob { get; set; }

    /// <summary>Null until a dispatcher sets one: <see cref="TechnicianSchedule.Default"/> applies.</summary>
    public TechnicianSchedule? Schedule { get; set; }
}

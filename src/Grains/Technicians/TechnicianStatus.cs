using Orleans;

namespace OrleansPortal.Grains.Technicians;

[GenerateSerializer, Alias("op.TechnicianStatus")]
public enum TechnicianStatus
{
    OffDuty,
    Available,
    EnRoute,
    OnSite,
}

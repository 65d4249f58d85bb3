namespace OrleansPortal.Grains.Technicians;

public enum TechnicianStatus
{
    OffDuty,
    Available,
    EnRoute,
    OnSite,
}

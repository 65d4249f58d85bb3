namespace OrleansPortal.Grains.Routing;

/// <summary>
/// The travel times a company plans with: its own learned model once one has been promoted for it, else the city's
/// learned model, else free-flow speeds. Asked on every use, not once per activation, so a model promoted overnight
/// reaches grains that are already running. Cheap (a lookup) and thread-safe.
/// </summary>
public interface ICompanyTravelTimes
{
    ITravelTimeService For(string tenantId);
}

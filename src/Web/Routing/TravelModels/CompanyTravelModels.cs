using System.Collections.Concurrent;
using OrleansPortal.Grains.Routing;
using OrleansPortal.Grains.Routing.Learning;

namespace OrleansPortal.Web.Routing.TravelModels;

/// <summary>
/// Which learned model each company plans with. A company's own model (promoted by its nightly training) wins; a
/// company without one uses the city's (the loader's), and without that, free-flow speeds. Every service handed out
/// is wrapped in the matrix cache.
/// </summary>
public sealed class CompanyTravelModels(RoadNetworkLoader loader, ITravelTimeService city) : ICompanyTravelTimes
{
    private readonly ConcurrentDictionary<string, (LearnedTravelTimeService Service, CachedTravelTimeService Cached)> _companies = new();

    public RoadGraph? Graph => loader.Graph;

    public ITravelTimeService For(string tenantId) => _companies.TryGetValue(tenantId, out var own) ? own.Cached : city;

    /// <summary>The learned model behind <see cref="For"/>: the company's, else the city's; null when times are free-flow.</summary>
    public TravelTimeModel? ModelFor(string tenantId) => _companies.TryGetValue(tenantId, out var own) ? own.Service.Model : loader.Model;

    /// <summary>Whether the company has a model of its own (rather than the city's).</summary>
    public bool IsOwn(string tenantId) => _companies.ContainsKey(tenantId);

    /// <summary>From now on <paramref name="tenantId"/> plans with <paramref name="learned"/>.</summary>
    public void Use(string tenantId, LearnedTravelTimeService learned) => _companies[tenantId] = (learned, new CachedTravelTimeService(learned));
}

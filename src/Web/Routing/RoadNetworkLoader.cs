using System.Collections.Concurrent;
using System.Diagnostics;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Routing;
using OrleansPortal.Grains.Routing.Learning;

namespace OrleansPortal.Web.Routing;

/// <summary>
/// Travel times and route lines on the road graph of <c>extract</c>, built on first use (a few seconds for Porto) and
/// shared by every host in the process that names the same file; great-circle estimates and straight lines when there
/// is no extract or it cannot be read. Travel times are the graph's free-flow ones until a learned model is put in
/// place with <see cref="UseModel"/>; from then on every estimate comes from that model.
/// </summary>
public sealed class RoadNetworkLoader(string? extract, ILogger<RoadNetworkLoader> log) : ITravelTimeService, IRouteGeometry
{
    private static readonly ConcurrentDictionary<string, Lazy<RoadGraph>> Graphs = new();
    private readonly Lazy<Network> _network = new(() => Load(extract, log));
    private volatile LearnedTravelTimeService? _learned;
    private volatile IRouteGeometry? _learnedGeometry;

    private sealed record Network(ITravelTimeService Travel, IRouteGeometry Geometry, RoadGraph? Graph);

    /// <summary>Raised after <see cref="UseModel"/> changed the travel times, so caches of the old ones can be emptied.</summary>
    public event Action? TravelTimesChanged;

    /// <summary>The road graph, building it if need be; null when there is none (no extract, or it could not be read).</summary>
    public RoadGraph? Graph => _network.Value.Graph;

    /// <summary>The learned model in use, if any.</summary>
    public TravelTimeModel? Model => _learned?.Model;

    private ITravelTimeService Travel => (ITravelTimeService?)_learned ?? _network.Value.Travel;

    public TravelEstimate Estimate(GeoPoint from, GeoPoint to) => Travel.Estimate(from, to);

    public TravelMatrix Matrix(IReadOnlyList<GeoPoint> origins, IReadOnlyList<GeoPoint> destinations) => Travel.Matrix(origins, destinations);

    public TravelEstimate Estimate(GeoPoint from, GeoPoint to, DateTimeOffset departAt) => Travel.Estimate(from, to, departAt);

    public TravelMatrix Matrix(IReadOnlyList<GeoPoint> origins, IReadOnlyList<GeoPoint> destinations, DateTimeOffset departAt) => Travel.Matrix(origins, destinations, departAt);

    public LegGeometry Leg(GeoPoint from, GeoPoint to) => (_learnedGeometry ?? _network.Value.Geometry).Leg(from, to);

    public void WarmUp() => _ = _network.Value;

    /// <summary>
    /// Plans with <paramref name="model"/> from now on. Builds its routing hierarchy first (seconds), so estimates
    /// switch from the old times to the new in one step. Refused when the model belongs to another graph.
    /// </summary>
    public void UseModel(TravelTimeModel model)
    {
        var graph = Graph ?? throw new InvalidOperationException("There is no road graph to apply a travel-time model to.");
        UseModel(new LearnedTravelTimeService(graph, model));
    }

    /// <summary>As <see cref="UseModel(TravelTimeModel)"/>, with the model's service already built (its hierarchy paid for).</summary>
    public void UseModel(LearnedTravelTimeService learned)
    {
        var model = learned.Model;
        _learnedGeometry = new RoadRouteGeometry(learned.Network);
        _learned = learned;
        log.LogInformation("Travel times now come from learned model {Version} ({Trips} trips, {Edges} edges observed).", model.Version, model.Summary.Trips, model.Summary.EdgesObserved);
        TravelTimesChanged?.Invoke();
    }

    private static Network Load(string? extract, ILogger log)
    {
        if (extract is null)
        {
            log.LogInformation("No road extract configured; travel times are great-circle estimates.");
            return new Network(new GreatCircleTravelTimeService(), new StraightRouteGeometry(), null);
        }

        try
        {
            var watch = Stopwatch.StartNew();
            var graph = Graphs.GetOrAdd(extract, path => new Lazy<RoadGraph>(() => RoadGraph.FromOsm(OsmPbfReader.Read(path)))).Value;
            log.LogInformation("Road graph from {Extract}: {Nodes} nodes, {Edges} edges, ready in {Ms} ms.", extract, graph.NodeCount, graph.EdgeCount, watch.ElapsedMilliseconds);
            var network = new RoadNetworkTravelTimeService(graph);
            return new Network(network, new RoadRouteGeometry(network), graph);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            log.LogWarning(ex, "Cannot read the road extract {Extract}; travel times are great-circle estimates.", extract);
            return new Network(new GreatCircleTravelTimeService(), new StraightRouteGeometry(), null);
        }
    }
}

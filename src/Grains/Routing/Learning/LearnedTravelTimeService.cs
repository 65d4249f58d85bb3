namespace OrleansPortal.Grains.Routing.Learning;

/// <summary>
/// Travel times from a <see cref="TravelTimeModel"/>: routes are searched on the model's edge times (its own
/// contraction hierarchy, built here), then the route's time is scaled by the departure slot's factor and the leg
/// length's calibration. Routes do not change with the hour, only their times: a time-dependent search would let the
/// 8:00 route differ from the 3:00 one, at many times the cost; the factor captures most of what a slot changes.
/// Cells that fall back to the great circle (a point off the network) are left as they are.
/// </summary>
public sealed class LearnedTravelTimeService : ITravelTimeService
{
    private readonly RoadNetworkTravelTimeService _network;

    public LearnedTravelTimeService(RoadGraph graph, TravelTimeModel model)
    {
        if (!model.Fits(graph))
        {
            throw new ArgumentException($"Travel-time model {model.Version} was trained on graph {model.GraphKey}, not this one ({TravelTimeModel.KeyOf(graph)}).", nameof(model));
        }
        Model = model;
        _network = new RoadNetworkTravelTimeService(graph, edgeSeconds: model.EdgeSeconds);
    }

    public TravelTimeModel Model { get; }

    /// <summary>The untimed routes on the model's edge times, for drawing the very route that was timed.</summary>
    public RoadNetworkTravelTimeService Network => _network;

    /// <summary>The typical hour: no slot factor.</summary>
    public TravelEstimate Estimate(GeoPoint from, GeoPoint to) => Adjust(_network.Estimate(from, to), 1);

    public TravelEstimate Estimate(GeoPoint from, GeoPoint to, DateTimeOffset departAt)
    {
        var route = _network.Estimate(from, to);
        return Adjust(route, SlotFactorAlong(departAt, route.Seconds));
    }

    public TravelMatrix Matrix(IReadOnlyList<GeoPoint> origins, IReadOnlyList<GeoPoint> destinations) => Adjust(_network.Matrix(origins, destinations), _ => 1);

    public TravelMatrix Matrix(IReadOnlyList<GeoPoint> origins, IReadOnlyList<GeoPoint> destinations, DateTimeOffset departAt) =>
        Adjust(_network.Matrix(origins, destinations), seconds => SlotFactorAlong(departAt, seconds));

    /// <summary>The slot the drive spends most of its time in: the one at its middle.</summary>
    private double SlotFactorAlong(DateTimeOffset departAt, double typicalSeconds) =>
        Model.SlotFactor(departAt + TimeSpan.FromSeconds(Math.Min(typicalSeconds, 6 * 3600) / 2));

    private TravelEstimate Adjust(TravelEstimate route, double slotFactor) =>
        route.IsFallback ? route : route with { Seconds = route.Seconds * slotFactor * Model.CalibrationFactor(route.Meters) };

    private TravelMatrix Adjust(TravelMatrix matrix, Func<double, double> slotFactor)
    {
        var seconds = new double[matrix.Origins * matrix.Destinations];
        var meters = new double[seconds.Length];
        var routed = new bool[seconds.Length];
        for (var i = 0; i < matrix.Origins; i++)
        {
            for (var j = 0; j < matrix.Destinations; j++)
            {
                var cell = i * matrix.Destinations + j;
                var route = new TravelEstimate(matrix.Seconds(i, j), matrix.Meters(i, j), IsFallback: !matrix.IsRouted(i, j));
                var adjusted = route.IsFallback ? route : Adjust(route, slotFactor(route.Seconds));
                (seconds[cell], meters[cell], routed[cell]) = (adjusted.Seconds, adjusted.Meters, !adjusted.IsFallback);
            }
        }
        return new TravelMatrix(matrix.Origins, matrix.Destinations, seconds, meters, routed);
    }
}

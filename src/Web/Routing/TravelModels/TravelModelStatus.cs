using OrleansPortal.Grains.Routing.Learning;

namespace OrleansPortal.Web.Routing.TravelModels;

/// <summary>
/// What the office shows about learned travel times: the model in use, and training as it runs. <c>SlotFactors</c> are
/// the model's 48 time-of-week factors (weekday hours 0-23, then weekend hours), for drawing its week.
/// </summary>
public sealed record TravelModelSnapshot(
    string Stage,
    double Progress,
    string? Message,
    string? ActiveVersion,
    DateTimeOffset? ActiveTrainedAt,
    TrainingSummary? ActiveSummary,
    string? LastDecision,
    float[]? SlotFactors = null)
{
    /// <summary>A run's end: the model in use when it was promoted, and the decision either way.</summary>
    public TravelModelSnapshot Decided(TravelTimeModel model, ModelPromotion decision) => decision.Promote
        ? this with { Stage = "ready", Progress = 1, Message = null, ActiveVersion = model.Version, ActiveTrainedAt = model.TrainedAt, ActiveSummary = model.Summary, LastDecision = decision.Reason, SlotFactors = model.SlotFactors }
        : this with { Stage = "ready", Progress = 1, Message = null, LastDecision = $"Model {model.Version} kept out: {decision.Reason}" };
}

/// <summary>Thread-safe holder of the latest <see cref="TravelModelSnapshot"/>; training writes, the API reads.</summary>
public sealed class TravelModelStatus
{
    private TravelModelSnapshot _current = new("idle", 0, "Free-flow road speeds: no learned model yet.", null, null, null, null);

    public TravelModelSnapshot Current => Volatile.Read(ref _current);

    public void Update(Func<TravelModelSnapshot, TravelModelSnapshot> change)
    {
        TravelModelSnapshot seen, next;
        do
        {
            seen = Volatile.Read(ref _current);
            next = change(seen);
        }
        while (Interlocked.CompareExchange(ref _current, next, seen) != seen);
    }
}

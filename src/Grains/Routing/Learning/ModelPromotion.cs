namespace OrleansPortal.Grains.Routing.Learning;

/// <summary>
/// Whether a newly trained model replaces the one in use: only when it estimates the company's recent held-out legs
/// (trips it was not trained on) with a smaller mean absolute percentage error. A model trained on a bad week (a
/// tracking app sending garbage, a holiday) then never makes ETAs worse than they were.
/// </summary>
public sealed record ModelPromotion(bool Promote, EtaAccuracy Current, EtaAccuracy Candidate, string Reason)
{
    /// <summary>Fewer held-out legs than this say too little to change anything on.</summary>
    public const int MinimumLegs = 30;

    public static ModelPromotion Decide(ITravelTimeService current, ITravelTimeService candidate, IReadOnlyList<EtaLeg> heldOut)
    {
        var before = EtaAccuracy.Measure(current, heldOut);
        var after = EtaAccuracy.Measure(candidate, heldOut);
        if (heldOut.Count < MinimumLegs)
        {
            return new ModelPromotion(false, before, after, $"only {heldOut.Count} held-out legs (at least {MinimumLegs} are needed to judge)");
        }
        return after.MapePercent < before.MapePercent
            ? new ModelPromotion(true, before, after, FormattableString.Invariant($"MAPE {before.MapePercent:F1} % -> {after.MapePercent:F1} % on {heldOut.Count} held-out legs"))
            : new ModelPromotion(false, before, after, FormattableString.Invariant($"not better: MAPE {before.MapePercent:F1} % -> {after.MapePercent:F1} % on {heldOut.Count} held-out legs"));
    }
}

namespace OrleansPortal.Grains.Routing.Learning;

/// <summary>
/// How far a travel-time service's estimates are from the truth over a set of legs. Errors are relative to the truth:
/// (estimate - truth) / truth. <see cref="BiasPercent"/> is their mean, signed (negative: estimates run short);
/// <see cref="WithinTwentyPercent"/> is the share of legs whose truth lies within 20 % of the estimate, the way a
/// customer judges a promised arrival.
/// </summary>
public sealed record EtaAccuracy(int Legs, int Trips, double MapePercent, double MedianPercent, double P90Percent, double BiasPercent, double WithinTwentyPercent)
{
    public static EtaAccuracy Measure(ITravelTimeService travel, IReadOnlyList<EtaLeg> legs)
    {
        if (legs.Count == 0) return new EtaAccuracy(0, 0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        var absolute = new double[legs.Count];
        double sumAbsolute = 0, sumSigned = 0;
        var within = 0;
        for (var i = 0; i < legs.Count; i++)
        {
            var leg = legs[i];
            var estimate = travel.Estimate(leg.From, leg.To, leg.DepartAt).Seconds;
            var error = (estimate - leg.TruthSeconds) / leg.TruthSeconds;
            absolute[i] = Math.Abs(error);
            sumAbsolute += absolute[i];
            sumSigned += error;
            if (Math.Abs(leg.TruthSeconds - estimate) <= 0.2 * estimate) within++;
        }
        Array.Sort(absolute);
        return new EtaAccuracy(
            legs.Count,
            legs.Select(l => l.TripId).Distinct().Count(),
            100 * sumAbsolute / legs.Count,
            100 * Percentile(absolute, 0.5),
            100 * Percentile(absolute, 0.9),
            100 * sumSigned / legs.Count,
            100.0 * within / legs.Count);
    }

    private static double Percentile(double[] sorted, double q) => sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(q * sorted.Length))];

    public override string ToString() => FormattableString.Invariant(
        $"MAPE {MapePercent:F1} %, median {MedianPercent:F1} %, p90 {P90Percent:F1} %, bias {BiasPercent:+0.0;-0.0} %, within ±20 % {WithinTwentyPercent:F1} %, {Legs} legs of {Trips} trips");
}

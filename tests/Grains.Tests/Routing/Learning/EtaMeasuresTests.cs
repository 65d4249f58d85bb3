using OrleansPortal.Grains.Routing;
using OrleansPortal.Grains.Routing.Learning;
using OrleansPortal.Grains.Routing.Matching;

namespace OrleansPortal.Grains.Tests.Routing.Learning;

public sealed class EtaMeasuresTests
{
    private static readonly DateTimeOffset Start = new(2013, 7, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A trip heading north 100 m per 15 s fix, for <paramref name="fixes"/> fixes.</summary>
    private static TracedTrip North(string id, int fixes, double metersPerFix = 100) => new(id, "taxi", [.. Enumerable.Range(0, fixes)
        .Select(i => new GpsFix(TwoStreets.At(0, i * metersPerFix), Start + TimeSpan.FromSeconds(15 * i)))]);

    [Fact]
    public void Legs_RunFromTheFirstFixToFix20_40_UpTo120_AndSkipThoseUnder500Metres()
    {
        var legs = EtaLegs.From([North("long", 130), North("short", 50, metersPerFix: 1), North("medium", 45)]);

        Assert.Equal([300, 600, 900, 1200, 1500, 1800, 300, 600], legs.Select(l => l.TruthSeconds));
        Assert.Equal(["long", "long", "long", "long", "long", "long", "medium", "medium"], legs.Select(l => l.TripId));
        Assert.All(legs, l => Assert.Equal(Start, l.DepartAt));
    }

    private sealed class Fixed(double seconds) : ITravelTimeService
    {
        public TravelEstimate Estimate(GeoPoint from, GeoPoint to) => new(seconds, 1000);

        public TravelMatrix Matrix(IReadOnlyList<GeoPoint> origins, IReadOnlyList<GeoPoint> destinations) => throw new NotSupportedException();
    }

    [Fact]
    public void Accuracy_IsRelativeToTheTruth_SignedForBias()
    {
        EtaLeg Leg(double truth) => new("t", default, default, Start, truth);
        var legs = new[] { Leg(100), Leg(200), Leg(50) };

        var accuracy = EtaAccuracy.Measure(new Fixed(100), legs);

        // Errors: 0, -50 %, +100 %.
        Assert.Equal(50, accuracy.MapePercent, 6);
        Assert.Equal(50, accuracy.MedianPercent, 6);
        Assert.Equal(100, accuracy.P90Percent, 6);
        Assert.Equal(50.0 / 3, accuracy.BiasPercent, 6);
        Assert.Equal(100.0 / 3, accuracy.WithinTwentyPercent, 6);
    }

    [Fact]
    public void Promotion_OnlyForABetterModel_AndOnlyOnEnoughLegs()
    {
        var legs = Enumerable.Range(0, 40).Select(i => new EtaLeg($"t{i}", default, default, Start, 100)).ToList();

        Assert.True(ModelPromotion.Decide(new Fixed(150), new Fixed(110), legs).Promote);
        Assert.False(ModelPromotion.Decide(new Fixed(110), new Fixed(150), legs).Promote);
        var few = ModelPromotion.Decide(new Fixed(150), new Fixed(100), legs[..10]);
        Assert.False(few.Promote);
        Assert.Contains("10 held-out legs", few.Reason);
    }
}

namespace OrleansPortal.Grains.Routing.Matching;

/// <summary>
/// A hidden state of the HMM: the fix's projection onto one directed edge, <see cref="Offset"/> metres from the
/// edge's source, <see cref="Distance"/> metres from the fix. <see cref="Score"/> is the best log-probability of
/// any path of states ending here, reached from state <see cref="Back"/> (an index into the same flat list).
/// </summary>
internal struct Candidate
{
    public int Edge;
    public float Offset;
    public float Distance;
    public double Score;
    public int Back;
}

/// <summary>
/// One column of the Viterbi trellis: a kept fix and its candidates [<see cref="Start"/>, Start + Count) in the
/// workspace's flat candidate list. Fixes folded into it as stationary jitter extend <see cref="LastFix"/> and
/// <see cref="Depart"/>: the vehicle was here from Arrive to Depart.
/// </summary>
internal struct Layer
{
    public int Fix;
    public int LastFix;
    public double X;
    public double Y;
    public DateTimeOffset Arrive;
    public DateTimeOffset Depart;
    public int Start;
    public int Count;
}

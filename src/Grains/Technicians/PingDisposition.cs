using Orleans;

namespace OrleansPortal.Grains.Technicians;

/// <summary>What became of one fix.</summary>
[GenerateSerializer, Alias("op.PingDisposition")]
public enum PingDisposition
{
    /// <summary>The newest plausible fix: it is now the technician's position.</summary>
    Accepted,

    /// <summary>Already seen (same fix time): apps replay their offline buffers. Not stored again.</summary>
    Duplicate,

    /// <summary>Older than the current position: stored in the history, position unchanged.</summary>
    OutOfOrder,

    /// <summary>Implies an impossible speed from the current position: stored flagged, not shown.</summary>
    Outlier,
}

namespace OrleansPortal.Silo.Hosting;

/// <summary>
/// Section "Cluster": how this node's silo joins the others. On SQLite there is one silo (localhost clustering); on
/// PostgreSQL every node that shares the database and <see cref="ClusterId"/> joins one cluster.
/// </summary>
public sealed class ClusterSettings
{
    public const string SectionName = "Cluster";

    /// <summary>Nodes with the same id (and database) form one cluster.</summary>
    public string ClusterId { get; set; } = "orleansportal";

    /// <summary>Names the stored data (grain state, reminders): keep it when redeploying, or what was stored is not found.</summary>
    public string ServiceId { get; set; } = "orleansportal";

    /// <summary>Where other silos reach this one (TCP). Two nodes on one machine need two ports.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Where external Orleans clients connect; 0 (the default) opens no gateway, as the web app is co-hosted.</summary>
    public int GatewayPort { get; set; }

    /// <summary>The address other silos reach this one at. Default: loopback on SQLite; on PostgreSQL, this machine's first non-loopback IPv4 address.</summary>
    public string? AdvertisedAddress { get; set; }
}

using OrleansPortal.Grains.Routing;

namespace OrleansPortal.Grains.Tests.Routing;

/// <summary>The Porto extract from samples/osm, read and built once for all routing tests (about a second).</summary>
internal static class PortoRoadNetwork
{
    private static readonly Lazy<OsmRoadData> LazyData = new(() => OsmPbfReader.Read(PbfPath));
    private static readonly Lazy<RoadGraph> LazyGraph = new(() => RoadGraph.FromOsm(LazyData.Value));

    public static OsmRoadData Data => LazyData.Value;

    public static RoadGraph Graph => LazyGraph.Value;

    /// <summary>The Porto taxi traces beside the extract: samples/gps/porto/train_1500.csv.</summary>
    public static string TripsCsv => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(PbfPath)!, "..", "gps", "porto", "train_1500.csv"));

    public static string PbfPath
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "samples", "osm", "porto_portugal.osm.pbf");
                if (File.Exists(candidate)) return candidate;
            }
            throw new FileNotFoundException("samples/osm/porto_portugal.osm.pbf not found above the test binary.");
        }
    }
}

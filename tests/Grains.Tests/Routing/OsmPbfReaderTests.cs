using OrleansPortal.Grains.Routing;

namespace OrleansPortal.Grains.Tests.Routing;

public sealed class OsmPbfReaderTests
{
    [Fact]
    public void PortoExtract_IsReadCompletely()
    {
        var data = PortoRoadNetwork.Data;

        // The counts documented for the file (samples/osm/README.md).
        Assert.Equal(347_944, data.NodesInFile);
        Assert.Equal(51_458, data.WaysInFile);
    }

    [Fact]
    public void PortoExtract_KeepsDrivableWaysOnly()
    {
        var data = PortoRoadNetwork.Data;

        // 51,349 ways have highway=*; footways, steps, paths, cycleways, pedestrian streets and tracks (about 7,800) are not for cars.
        Assert.InRange(data.Ways.Count, 40_000, 44_500);
        Assert.DoesNotContain(data.Ways, w => w.Highway is "footway" or "steps" or "path" or "cycleway" or "pedestrian" or "track");
        Assert.Contains(data.Ways, w => w.Highway == "motorway" && w.Forward && !w.Backward);
        Assert.Contains(data.Ways, w => w.MaxSpeedKilometersPerHour == 50);
    }

    [Fact]
    public void PortoNodes_LieInsideTheExtractBox()
    {
        var data = PortoRoadNetwork.Data;

        Assert.All(data.Nodes.Values, p =>
        {
            Assert.InRange(p.Latitude, 40.980, 41.400);
            Assert.InRange(p.Longitude, -8.796, -8.357);
        });
        Assert.All(data.Ways, w => Assert.All(w.NodeIds, id => Assert.True(data.Nodes.ContainsKey(id))));
    }
}

namespace OrleansPortal.Grains.Routing;

/// <summary>What <see cref="OsmPbfFile"/> hands each node and way to, in file order (nodes first in a sorted extract).</summary>
internal interface IOsmElementHandler
{
    void Node(long id, GeoPoint location, in OsmTags tags);

    /// <param name="nodeIds">The way's node ids in order; the list is reused after the call, so copy what is kept.</param>
    void Way(long id, IReadOnlyList<long> nodeIds, in OsmTags tags);
}

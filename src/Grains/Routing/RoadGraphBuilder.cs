namespace OrleansPortal.Grains.Routing;

/// <summary>
/// Turns drivable ways into a <see cref="RoadGraph"/>: one directed edge per open direction of each way segment,
/// timed at the way's speed; joins one-way roads that end a few metres short of another (<see cref="AlmostJunctions"/>);
/// then keeps the largest strongly connected component (bits cut off by the extract's
/// edge, one-way dead ends and private islands would otherwise make some pairs unreachable) and renumbers the
/// nodes in grid order so that nearby nodes sit near each other in memory, which makes searches faster.
/// </summary>
internal static class RoadGraphBuilder
{
    public static RoadGraph Build(OsmRoadData data)
    {
        var index = new Dictionary<long, int>(data.Nodes.Count);
        var locations = new List<GeoPoint>(data.Nodes.Count);
        var from = new List<int>();
        var to = new List<int>();
        var seconds = new List<float>();
        var meters = new List<float>();
        var classes = new List<RoadClass>();

        int IndexOf(long id)
        {
            if (!index.TryGetValue(id, out var i))
            {
                i = locations.Count;
                index[id] = i;
                locations.Add(data.Nodes[id]);
            }
            return i;
        }

        foreach (var way in data.Ways)
        {
            var metersPerSecond = RoadSpeeds.KilometersPerHour(way.Highway, way.MaxSpeedKilometersPerHour) / 3.6;
            var roadClass = RoadClasses.Parse(way.Highway);
            for (var k = 0; k + 1 < way.NodeIds.Length; k++)
            {
                int a = IndexOf(way.NodeIds[k]), b = IndexOf(way.NodeIds[k + 1]);
                if (a == b) continue;
                var length = locations[a].DistanceMetersTo(locations[b]);
                if (way.Forward) Add(a, b);
                if (way.Backward) Add(b, a);

                void Add(int u, int v)
                {
                    from.Add(u);
                    to.Add(v);
                    seconds.Add((float)(length / metersPerSecond));
                    meters.Add((float)length);
                    classes.Add(roadClass);
                }
            }
        }

        foreach (var (a, b, length) in AlmostJunctions.Find(locations, from, to))
        {
            // A connector of a few metres, at the speed of a residential street: its time barely matters, its existence does.
            from.Add(a);
            to.Add(b);
            seconds.Add((float)(length / (RoadSpeeds.DefaultKilometersPerHour / 3.6)));
            meters.Add((float)length);
            classes.Add(RoadClass.Other);
        }

        var component = LargestStronglyConnectedComponent(locations.Count, from, to);
        var kept = Enumerable.Range(0, locations.Count).Where(v => component[v]).ToArray();
        // Grid order (rows of about 1 km) keeps a search's working set compact in the caches.
        Array.Sort(kept, (x, y) =>
        {
            var rowX = Math.Floor(locations[x].Latitude * 100);
            var rowY = Math.Floor(locations[y].Latitude * 100);
            return rowX != rowY ? rowX.CompareTo(rowY) : locations[x].Longitude.CompareTo(locations[y].Longitude);
        });
        var newIndex = new int[locations.Count];
        Array.Fill(newIndex, -1);
        for (var i = 0; i < kept.Length; i++)
        {
            newIndex[kept[i]] = i;
        }

        var firstEdge = new int[kept.Length + 1];
        for (var e = 0; e < from.Count; e++)
        {
            if (newIndex[from[e]] >= 0 && newIndex[to[e]] >= 0) firstEdge[newIndex[from[e]] + 1]++;
        }
        for (var v = 0; v < kept.Length; v++)
        {
            firstEdge[v + 1] += firstEdge[v];
        }
        var fill = firstEdge[..^1];
        var edgeCount = firstEdge[^1];
        var edgeTarget = new int[edgeCount];
        var edgeSeconds = new float[edgeCount];
        var edgeMeters = new float[edgeCount];
        var edgeSource = new int[edgeCount];
        var edgeClass = new RoadClass[edgeCount];
        for (var e = 0; e < from.Count; e++)
        {
            int u = newIndex[from[e]], v = newIndex[to[e]];
            if (u < 0 || v < 0) continue;
            var slot = fill[u]++;
            edgeTarget[slot] = v;
            edgeSeconds[slot] = seconds[e];
            edgeMeters[slot] = meters[e];
            edgeSource[slot] = u;
            edgeClass[slot] = classes[e];
        }
        return new RoadGraph([.. kept.Select(v => locations[v])], firstEdge, edgeTarget, edgeSeconds, edgeMeters, edgeSource, edgeClass);
    }

    /// <summary>Kosaraju's algorithm with explicit stacks (recursion would overflow on long roads).</summary>
    private static bool[] LargestStronglyConnectedComponent(int n, List<int> from, List<int> to)
    {
        var (forwardStart, forwardTarget) = Adjacency(n, from, to);
        var (backwardStart, backwardTarget) = Adjacency(n, to, from);

        // Pass 1: vertices in order of DFS finish on the forward graph.
        var order = new List<int>(n);
        var visited = new bool[n];
        var stack = new Stack<(int Vertex, int NextEdge)>();
        for (var root = 0; root < n; root++)
        {
            if (visited[root]) continue;
            visited[root] = true;
            stack.Push((root, forwardStart[root]));
            while (stack.Count > 0)
            {
                var (v, next) = stack.Pop();
                if (next < forwardStart[v + 1])
                {
                    stack.Push((v, next + 1));
                    var w = forwardTarget[next];
                    if (!visited[w])
                    {
                        visited[w] = true;
                        stack.Push((w, forwardStart[w]));
                    }
                }
                else
                {
                    order.Add(v);
                }
            }
        }

        // Pass 2: in reverse finish order, each DFS on the reversed graph collects one component.
        var label = new int[n];
        Array.Fill(label, -1);
        var sizes = new List<int>();
        var pending = new Stack<int>();
        for (var i = order.Count - 1; i >= 0; i--)
        {
            var root = order[i];
            if (label[root] >= 0) continue;
            var id = sizes.Count;
            var size = 0;
            label[root] = id;
            pending.Push(root);
            while (pending.Count > 0)
            {
                var v = pending.Pop();
                size++;
                for (var e = backwardStart[v]; e < backwardStart[v + 1]; e++)
                {
                    var w = backwardTarget[e];
                    if (label[w] < 0)
                    {
                        label[w] = id;
                        pending.Push(w);
                    }
                }
            }
            sizes.Add(size);
        }

        var largest = sizes.Count == 0 ? -1 : sizes.IndexOf(sizes.Max());
        return [.. label.Select(l => l == largest)];
    }

    private static (int[] Start, int[] Target) Adjacency(int n, List<int> from, List<int> to)
    {
        var start = new int[n + 1];
        foreach (var u in from) start[u + 1]++;
        for (var v = 0; v < n; v++) start[v + 1] += start[v];
        var fill = start[..^1];
        var target = new int[from.Count];
        for (var e = 0; e < from.Count; e++) target[fill[from[e]]++] = to[e];
        return (start, target);
    }
}

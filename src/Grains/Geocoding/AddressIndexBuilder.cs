namespace OrleansPortal.Grains.Geocoding;

/// <summary>
/// Turns what an extract holds into <see cref="StreetEntry"/>s. OpenStreetMap draws a street as many ways (one per
/// block, per bridge, per change of speed limit), and towns reuse names, so the ways of one name are grouped into
/// streets by proximity: ways less than <see cref="JoinMeters"/> apart are one street. Each address joins the nearest
/// street of its name within <see cref="AttachMeters"/>; addresses with none (a street the extract does not draw)
/// make streets of their own the same way.
/// </summary>
internal static class AddressIndexBuilder
{
    public const double JoinMeters = 300;
    public const double AttachMeters = 500;

    private const double MetersPerDegree = 111_195;

    // Classes people live on or are sent to; motorways, ramps, service roads and paths rank below them.
    private static readonly HashSet<string> StreetClasses =
        ["primary", "secondary", "tertiary", "unclassified", "residential", "living_street", "pedestrian", "road"];

    public static List<StreetEntry> Build(OsmAddressData data)
    {
        var groups = new Dictionary<string, List<Group>>(StringComparer.Ordinal);
        foreach (var byName in data.Streets.GroupBy(s => SearchText.Fold(s.Name)).Where(g => g.Key.Length > 0))
        {
            groups[byName.Key] = JoinWays(byName);
        }
        foreach (var address in data.Addresses)
        {
            var key = SearchText.Fold(address.Street);
            if (key.Length == 0 || AddressText.HouseKey(address.HouseNumber).Length == 0) continue;
            if (!groups.TryGetValue(key, out var named)) groups[key] = named = [];
            var nearest = named.Where(g => g.Box.DistanceMeters(address.Location) <= AttachMeters).MinBy(g => g.Box.DistanceMeters(address.Location));
            if (nearest is null) named.Add(nearest = new Group(Box.Of(address.Location)));
            nearest.Addresses.Add(address);
            if (nearest.Ways.Count == 0) nearest.Box = nearest.Box.Including(address.Location); // no way drawn: the houses are the street
        }
        return [.. groups.Values.SelectMany(g => g).Select(Entry)];
    }

    /// <summary>Ways of one name, joined into groups of ways less than <see cref="JoinMeters"/> apart (union-find).</summary>
    private static List<Group> JoinWays(IEnumerable<OsmStreet> ways)
    {
        var list = ways.ToList();
        var boxes = list.Select(w => Box.Of(w.Points)).ToArray();
        var parent = Enumerable.Range(0, list.Count).ToArray();
        int Root(int i) => parent[i] == i ? i : parent[i] = Root(parent[i]);
        for (var i = 0; i < list.Count; i++)
            for (var j = i + 1; j < list.Count; j++)
                if (boxes[i].DistanceMeters(boxes[j]) <= JoinMeters) parent[Root(i)] = Root(j);

        var groups = new Dictionary<int, Group>();
        for (var i = 0; i < list.Count; i++)
        {
            if (!groups.TryGetValue(Root(i), out var group)) groups[Root(i)] = group = new Group(boxes[i]);
            group.Ways.Add(list[i]);
            group.Box = group.Box.Including(boxes[i]);
        }
        return [.. groups.Values];
    }

    private static StreetEntry Entry(Group group)
    {
        var houses = group.Addresses
            .Select(a => new House(a.HouseNumber, AddressText.HouseKey(a.HouseNumber), AddressText.HouseOrder(a.HouseNumber), a.Postcode, a.City, a.Location))
            .DistinctBy(h => (h.Key, h.Postcode)) // the same number mapped twice (an entrance and its building) is one house
            .OrderBy(h => h.Key, StringComparer.Ordinal)
            .ToArray();
        var name = MostCommon(group.Ways.Select(w => w.Name).Concat(group.Addresses.Select(a => a.Street)))!;
        var postcode = MostCommon(group.Ways.Select(w => w.Postcode)) ?? MostCommon(group.Addresses.Select(a => a.Postcode));
        var city = MostCommon(group.Addresses.Select(a => a.City));
        var nameTokens = SearchText.Words(name).Take(StreetEntry.MaxTokens).ToArray();
        var toMatch = 0UL;
        for (var t = 0; t < nameTokens.Length; t++)
        {
            if (!AddressText.IsParticle(nameTokens[t])) toMatch |= 1UL << t;
        }
        return new StreetEntry
        {
            Name = name,
            Tokens = [.. nameTokens, .. SearchText.Words(postcode).Concat(SearchText.Words(city)).Take(StreetEntry.MaxTokens - nameTokens.Length)],
            NameTokenCount = nameTokens.Length,
            NameWordsToMatch = toMatch,
            Postcode = postcode,
            City = city,
            Position = Position(group),
            Points = [.. PointsOf(group)],
            Importance = Importance(group),
            Houses = houses,
        };
    }

    /// <summary>The node nearest the middle of the street's box: on the street, where a mean of a bent street would not be.</summary>
    private static GeoPoint Position(Group group)
    {
        var middle = group.Box.Center;
        return PointsOf(group).MinBy(p => p.DistanceMetersTo(middle));
    }

    private static IEnumerable<GeoPoint> PointsOf(Group group) =>
        group.Ways.Count > 0 ? group.Ways.SelectMany(w => w.Points) : group.Addresses.Select(a => a.Location);

    private static int Importance(Group group)
    {
        var length = group.Ways.Sum(w => w.Points.Zip(w.Points.Skip(1), (a, b) => a.DistanceMetersTo(b)).Sum());
        var rank = group.Ways.Any(w => StreetClasses.Contains(w.Highway)) ? 2 : group.Ways.Count > 0 ? 1 : 0;
        return rank * 1_000_000 + (int)Math.Min(length, 999_999);
    }

    private static string? MostCommon(IEnumerable<string?> values) =>
        values.OfType<string>().GroupBy(v => v, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).FirstOrDefault()?.Key;

    private sealed class Group(Box box)
    {
        public Box Box { get; set; } = box;

        public List<OsmStreet> Ways { get; } = [];

        public List<OsmAddress> Addresses { get; } = [];
    }

    /// <summary>A latitude/longitude box; distances to it are great-circle metres to its nearest point.</summary>
    private readonly record struct Box(double MinLat, double MinLon, double MaxLat, double MaxLon)
    {
        public GeoPoint Center => new((MinLat + MaxLat) / 2, (MinLon + MaxLon) / 2);

        public static Box Of(GeoPoint p) => new(p.Latitude, p.Longitude, p.Latitude, p.Longitude);

        public static Box Of(IReadOnlyList<GeoPoint> points) =>
            new(points.Min(p => p.Latitude), points.Min(p => p.Longitude), points.Max(p => p.Latitude), points.Max(p => p.Longitude));

        public Box Including(GeoPoint p) => Including(Of(p));

        public Box Including(Box b) => new(Math.Min(MinLat, b.MinLat), Math.Min(MinLon, b.MinLon), Math.Max(MaxLat, b.MaxLat), Math.Max(MaxLon, b.MaxLon));

        public double DistanceMeters(GeoPoint p) =>
            p.DistanceMetersTo(new GeoPoint(Math.Clamp(p.Latitude, MinLat, MaxLat), Math.Clamp(p.Longitude, MinLon, MaxLon)));

        public double DistanceMeters(Box b)
        {
            var dLat = Math.Max(0, Math.Max(b.MinLat - MaxLat, MinLat - b.MaxLat));
            var dLon = Math.Max(0, Math.Max(b.MinLon - MaxLon, MinLon - b.MaxLon));
            var metersPerDegreeLon = MetersPerDegree * Math.Cos((MinLat + MaxLat) / 2 * Math.PI / 180);
            return Math.Sqrt(Math.Pow(dLat * MetersPerDegree, 2) + Math.Pow(dLon * metersPerDegreeLon, 2));
        }
    }
}

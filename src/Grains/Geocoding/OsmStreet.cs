namespace OrleansPortal.Grains.Geocoding;

/// <summary>A named way of any highway class (a footway or a square has addresses too), with the positions of its nodes.</summary>
public sealed record OsmStreet(string Name, string Highway, IReadOnlyList<GeoPoint> Points, string? Postcode);

namespace OrleansPortal.Grains.Geocoding;

/// <summary>
/// An address an extract gives: a node, or a way (a building) placed at the mean of its nodes, tagged with a house
/// number and a street (addr:street, or addr:place where a locality has no street names).
/// </summary>
public sealed record OsmAddress(string Street, string HouseNumber, string? Postcode, string? City, GeoPoint Location);

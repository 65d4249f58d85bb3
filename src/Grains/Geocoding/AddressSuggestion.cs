namespace OrleansPortal.Grains.Geocoding;

/// <summary>
/// One answer of the <see cref="AddressIndex"/>: a label to show and to store as the address ("Rua de Santa Catarina
/// 312, 4000-443 Porto"), its parts, and where it is. At <see cref="AddressPrecision.Street"/> precision the house
/// number is the one typed, if any, and the position is a point on the street, not the house.
/// </summary>
public sealed record AddressSuggestion(
    string Label,
    string Street,
    string? HouseNumber,
    string? Postcode,
    string? City,
    GeoPoint Location,
    AddressPrecision Precision)
{
    internal static string LabelOf(string street, string? houseNumber, string? postcode, string? city)
    {
        var line = houseNumber is null ? street : $"{street} {houseNumber}";
        var place = string.Join(' ', new[] { postcode, city }.Where(p => p is not null));
        return place.Length == 0 ? line : $"{line}, {place}";
    }
}

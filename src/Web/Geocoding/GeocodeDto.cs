using OrleansPortal.Grains;
using OrleansPortal.Grains.Geocoding;

namespace OrleansPortal.Web.Geocoding;

/// <param name="Available">False when the app has no extract to geocode from: the list is then always empty.</param>
public sealed record GeocodeResultDto(bool Available, IReadOnlyList<AddressSuggestionDto> Suggestions);

/// <param name="Label">What to show, and to store as the property's address.</param>
/// <param name="HouseNumber">At Street precision, the number as typed (if any): the extract does not place it.</param>
/// <param name="Precision">House: the location is the house's. Street: a point on the street.</param>
public sealed record AddressSuggestionDto(string Label, string Street, string? HouseNumber, string? Postcode, string? City, GeoPoint Location, string Precision);

public static class GeocodeDtoMapping
{
    public static AddressSuggestionDto AsDto(this AddressSuggestion s) =>
        new(s.Label, s.Street, s.HouseNumber, s.Postcode, s.City, s.Location, s.Precision.ToString());
}

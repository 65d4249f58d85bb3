namespace OrleansPortal.Grains.Geocoding;

/// <summary>What <see cref="OsmAddressReader"/> keeps from an extract for the <see cref="AddressIndex"/>.</summary>
public sealed class OsmAddressData
{
    public required IReadOnlyList<OsmAddress> Addresses { get; init; }

    public required IReadOnlyList<OsmStreet> Streets { get; init; }
}

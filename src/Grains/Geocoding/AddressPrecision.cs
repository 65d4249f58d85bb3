namespace OrleansPortal.Grains.Geocoding;

/// <summary>What a suggestion's position is the position of.</summary>
public enum AddressPrecision
{
    /// <summary>The house itself: the extract has this number on this street.</summary>
    House,

    /// <summary>A point on the street: the extract has no such number there (or none was asked for).</summary>
    Street,
}

namespace OrleansPortal.Grains.Geocoding;

/// <summary>What the geocoder knows about address words beyond their folding (<see cref="SearchText"/>): house numbers and particles.</summary>
public static class AddressText
{
    // Small words of street names (Portuguese, Spanish, French, English) that a query may leave out without it mattering.
    private static readonly HashSet<string> Particles = ["a", "o", "e", "de", "da", "do", "das", "dos", "del", "la", "le", "les", "des", "du", "of", "the"];

    /// <summary>A house number as it is matched: folded, without separators ("12 A" and "12a" are the same house).</summary>
    public static string HouseKey(string houseNumber) => SearchText.Fold(houseNumber).Replace(" ", "", StringComparison.Ordinal);

    /// <summary>The leading number of a house number (12 for "12A" and for "12-14"), for listing a street's houses in order; int.MaxValue when it has none.</summary>
    public static int HouseOrder(string houseNumber)
    {
        var value = 0;
        var digits = 0;
        foreach (var c in SearchText.Fold(houseNumber))
        {
            if (!char.IsAsciiDigit(c) || digits == 9) break;
            value = value * 10 + (c - '0');
            digits++;
        }
        return digits == 0 ? int.MaxValue : value;
    }

    public static bool IsParticle(string token) => Particles.Contains(token);

    public static bool HasDigit(string token) => token.Any(char.IsAsciiDigit);
}

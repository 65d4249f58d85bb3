namespace OrleansPortal.Grains.Geocoding;

/// <summary>
/// One street of the <see cref="AddressIndex"/>: the named ways of one name that lie together (a name used in two
/// towns is two streets), with the houses the extract numbers on it, sorted by <see cref="House.Key"/>.
/// </summary>
internal sealed class StreetEntry
{
    public const int MaxTokens = 64;

    public required string Name { get; init; }

    /// <summary>
    /// The folded words of the name, then those of the postcode and city (<see cref="NameTokenCount"/> tells them apart);
    /// at most <see cref="MaxTokens"/>, so a query's matches fit in one bit mask.
    /// </summary>
    public required string[] Tokens { get; init; }

    public required int NameTokenCount { get; init; }

    /// <summary>Bit t set for each word t of the name a query should match to rank well: every word but the particles ("de", "da").</summary>
    public required ulong NameWordsToMatch { get; init; }

    public required string? Postcode { get; init; }

    public required string? City { get; init; }

    /// <summary>A point on the street (a node of its ways, or one of its houses when the extract has no way of that name).</summary>
    public required GeoPoint Position { get; init; }

    /// <summary>Every node of its ways (its houses when it has no way), for finding the street nearest a point.</summary>
    public required GeoPoint[] Points { get; init; }

    /// <summary>Ranks streets that match equally well: a street for traffic before a service road or a footway, then the longer.</summary>
    public required int Importance { get; init; }

    public required House[] Houses { get; init; }

    /// <summary>The houses whose key starts with <paramref name="prefix"/> (a contiguous run, as they are sorted by key).</summary>
    public ReadOnlySpan<House> HousesStartingWith(string prefix)
    {
        int lo = 0, hi = Houses.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(Houses[mid].Key, prefix) < 0) lo = mid + 1;
            else hi = mid;
        }
        var end = lo;
        while (end < Houses.Length && Houses[end].Key.StartsWith(prefix, StringComparison.Ordinal)) end++;
        return Houses.AsSpan(lo, end - lo);
    }
}

/// <param name="Key">The number folded without separators (<see cref="AddressText.HouseKey"/>).</param>
/// <param name="Order">Its leading number (<see cref="AddressText.HouseOrder"/>).</param>
internal readonly record struct House(string Number, string Key, int Order, string? Postcode, string? City, GeoPoint Location);

using System.Globalization;
using Orleans.Runtime;

namespace Orleans;

/// <summary>Keys and identities of grains and grain references.</summary>
public static class GrainExtensions
{
    public static GrainId GetGrainId(this IAddressable grain) => grain switch
    {
        Grain g => g.GrainId,
        GrainReference r => r.GrainId,
        _ => throw new ArgumentException($"{grain.GetType().Name} is neither a grain nor a grain reference.", nameof(grain)),
    };

    public static string GetPrimaryKeyString(this IAddressable grain) => grain.GetGrainId().Key;

    public static Guid GetPrimaryKey(this IAddressable grain) =>
        Guid.TryParseExact(grain.GetGrainId().Key, "N", out var key)
            ? key
            : throw new InvalidOperationException($"Grain {grain.GetGrainId()} does not have a Guid key.");

    public static long GetPrimaryKeyLong(this IAddressable grain) =>
        long.TryParse(grain.GetGrainId().Key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var key)
            ? key
            : throw new InvalidOperationException($"Grain {grain.GetGrainId()} does not have an integer key.");

    /// <summary>A reference to this grain through another of its interfaces, e.g. to hand to another grain.</summary>
    public static TGrainInterface AsReference<TGrainInterface>(this Grain grain) where TGrainInterface : IGrain =>
        grain.Activation.Runtime.CreateReference<TGrainInterface>(grain.GrainId);
}

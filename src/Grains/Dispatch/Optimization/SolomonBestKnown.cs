using System.Globalization;

namespace OrleansPortal.Grains.Dispatch.Optimization;

/// <summary>A best-known result from bks.csv (instance,vehicles,distance,source), hierarchical: vehicles first, then distance.</summary>
public sealed record SolomonBestKnown(string Instance, int Vehicles, double Distance, string Source)
{
    public static IReadOnlyDictionary<string, SolomonBestKnown> ParseCsv(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new Dictionary<string, SolomonBestKnown>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in text.Split('\n').Skip(1))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }
            // The source column is free text and may itself contain commas.
            var parts = line.Split(',', 4);
            if (parts.Length < 3)
            {
                throw new FormatException($"Bad best-known line: '{line}'.");
            }
            var known = new SolomonBestKnown(
                parts[0].Trim(),
                int.Parse(parts[1], CultureInfo.InvariantCulture),
                double.Parse(parts[2], CultureInfo.InvariantCulture),
                parts.Length > 3 ? parts[3].Trim() : "");
            result[known.Instance] = known;
        }
        return result;
    }
}

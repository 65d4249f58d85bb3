using System.Diagnostics;
using System.Globalization;
using OrleansPortal.Benchmarks.Infrastructure;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Geocoding;

namespace OrleansPortal.Benchmarks.Geocode;

/// <summary>
/// Address autocomplete on Porto's extract, as a dispatcher types: street names picked with a fixed seed, each typed
/// one character at a time (lower-case, without accents, as people type) and then with a house number, every
/// keystroke one <see cref="AddressIndex.Suggest"/> call for 10 suggestions. Loading (reading the file and building
/// the index) is timed separately; the figure is the median time of one call, with its 99th percentile, and the
/// reverse lookup's median over random points of the extract.
/// </summary>
internal static class GeocodeBenchmark
{
    public static int Run(string[] args)
    {
        var names = args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(200);

        var load = Stopwatch.StartNew();
        var data = OsmAddressReader.Read(Repository.PortoExtract);
        var read = load.Elapsed;
        var index = AddressIndex.Build(data);
        load.Stop();
        Console.WriteLine(FormattableString.Invariant(
            $"load {load.Elapsed.TotalMilliseconds:F0} ms (read {read.TotalMilliseconds:F0} ms, build {(load.Elapsed - read).TotalMilliseconds:F0} ms): {data.Streets.Count} named ways, {data.Addresses.Count} addresses, {index.StreetCount} streets, {index.HouseCount} houses"));

        var random = new Random(20150606);
        var queries = new List<string>();
        for (var i = 0; i < names; i++)
        {
            var typed = SearchText.Fold(data.Streets[random.Next(data.Streets.Count)].Name) + " " + random.Next(1, 400).ToString(CultureInfo.InvariantCulture);
            for (var length = 1; length <= typed.Length; length++) queries.Add(typed[..length]);
        }

        foreach (var query in queries.Take(500)) index.Suggest(query, 10); // warm-up: JIT
        var micros = new double[queries.Count];
        var cpuMicros = new double[queries.Count];
        var answered = 0;
        for (var i = 0; i < queries.Count; i++)
        {
            var cpu = ThreadCpu.Microseconds();
            var start = Stopwatch.GetTimestamp();
            var suggestions = index.Suggest(queries[i], 10);
            micros[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            cpuMicros[i] = ThreadCpu.Microseconds() - cpu;
            if (suggestions.Count > 0) answered++;
        }
        Array.Sort(micros);
        Array.Sort(cpuMicros);

        var points = Enumerable.Range(0, 10_000).Select(_ => new GeoPoint(41.10 + random.NextDouble() * 0.15, -8.70 + random.NextDouble() * 0.20)).ToArray();
        var reverse = new double[points.Length];
        var near = 0;
        for (var i = 0; i < points.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            if (index.Nearest(points[i]) is not null) near++;
            reverse[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }
        Array.Sort(reverse);

        Console.WriteLine(FormattableString.Invariant(
            $"{queries.Count} keystrokes over {names} street names, {answered} with suggestions; max {micros[^1]:F0} us; reverse p50 {Percentile(reverse, 0.5):F1} us over {points.Length} points, {near} near an address or street"));
        // Wall time counts waiting for a core on a shared machine; the thread's CPU time is what a call costs.
        Console.WriteLine(FormattableString.Invariant($"geocode {Percentile(micros, 0.5):F0} us p50 {Percentile(micros, 0.99):F0} us p99 (CPU {Percentile(cpuMicros, 0.5):F0} us p50 {Percentile(cpuMicros, 0.99):F0} us p99)"));
        return 0;
    }

    private static double Percentile(double[] sorted, double p) => sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(p * sorted.Length))];
}

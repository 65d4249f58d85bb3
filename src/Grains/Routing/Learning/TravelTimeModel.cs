using System.IO.Compression;
using System.Text;

namespace OrleansPortal.Grains.Routing.Learning;

/// <summary>What a training run saw: how much data, how much of it the matcher could place, and how long it took.</summary>
public sealed record TrainingSummary(int Trips, int Fixes, int FixesMatched, int Traversals, int EdgesObserved, int LegsCalibrated, double Seconds);

/// <summary>
/// A calibration band: legs whose routed length is under <paramref name="UpToMeters"/> get their routed time multiplied by
/// <paramref name="Factor"/>. It carries what edge times alone miss, mostly that drivers do not take the fastest route.
/// </summary>
public readonly record struct CalibrationBand(double UpToMeters, double Factor);

/// <summary>
/// Travel times learned from GPS traces, as a versioned artifact bound to one road graph: a time per edge for a typical
/// hour (learned where driven, from the edge's road class and area elsewhere), a multiplier per time-of-week slot, and
/// leg-length calibration. A model applies only to the graph it was trained on (<see cref="GraphKey"/>); anything else
/// is refused rather than silently misread.
/// </summary>
public sealed class TravelTimeModel
{
    private const string Magic = "OPTTM";
    private const int FormatVersion = 1;

    public required string Version { get; init; }

    public required DateTimeOffset TrainedAt { get; init; }

    /// <summary>The zone time-of-week slots are counted in (the company's).</summary>
    public required string TimeZoneId { get; init; }

    public required string GraphKey { get; init; }

    /// <summary>Per graph edge, seconds to drive it at a typical hour.</summary>
    public required float[] EdgeSeconds { get; init; }

    /// <summary>Per <see cref="TimeOfWeek"/> slot, how much slower (above 1) or faster than typical driving is.</summary>
    public required float[] SlotFactors { get; init; }

    /// <summary>Ordered by <see cref="CalibrationBand.UpToMeters"/>; the last band covers every longer leg.</summary>
    public required CalibrationBand[] Calibration { get; init; }

    public required TrainingSummary Summary { get; init; }

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    public double SlotFactor(DateTimeOffset at) => SlotFactors[TimeOfWeek.Slot(at, TimeZone)];

    public double CalibrationFactor(double routedMeters)
    {
        foreach (var band in Calibration)
        {
            if (routedMeters <= band.UpToMeters) return band.Factor;
        }
        return Calibration.Length > 0 ? Calibration[^1].Factor : 1;
    }

    /// <summary>
    /// Identifies a graph by its size and a checksum of its edges, so a model trained on last month's extract is not
    /// applied to a rebuilt graph whose edge numbers mean other streets.
    /// </summary>
    public static string KeyOf(RoadGraph graph)
    {
        // FNV-1a over every 97th edge, by hand: HashCode is seeded per process and the key must survive restarts.
        ulong stable = 1469598103934665603;
        for (var e = 0; e < graph.EdgeCount; e += 97)
        {
            stable = (stable ^ (ulong)graph.EdgeFrom(e)) * 1099511628211;
            stable = (stable ^ (ulong)graph.EdgeTo(e)) * 1099511628211;
            stable = (stable ^ (ulong)BitConverter.SingleToInt32Bits((float)graph.EdgeLengthMeters(e))) * 1099511628211;
        }
        return FormattableString.Invariant($"{graph.NodeCount}n-{graph.EdgeCount}e-{stable:x16}");
    }

    public bool Fits(RoadGraph graph) => EdgeSeconds.Length == graph.EdgeCount && GraphKey == KeyOf(graph);

    public void Write(Stream stream)
    {
        using var zip = new GZipStream(stream, CompressionLevel.Optimal, leaveOpen: true);
        using var writer = new BinaryWriter(zip, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(Version);
        writer.Write(TrainedAt.ToUnixTimeMilliseconds());
        writer.Write(TimeZoneId);
        writer.Write(GraphKey);
        WriteFloats(writer, SlotFactors);
        writer.Write(Calibration.Length);
        foreach (var band in Calibration)
        {
            writer.Write(band.UpToMeters);
            writer.Write(band.Factor);
        }
        var s = Summary;
        writer.Write(s.Trips);
        writer.Write(s.Fixes);
        writer.Write(s.FixesMatched);
        writer.Write(s.Traversals);
        writer.Write(s.EdgesObserved);
        writer.Write(s.LegsCalibrated);
        writer.Write(s.Seconds);
        WriteFloats(writer, EdgeSeconds);
    }

    public static TravelTimeModel Read(Stream stream)
    {
        try
        {
            using var zip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
            using var reader = new BinaryReader(zip, Encoding.UTF8, leaveOpen: true);
            if (reader.ReadString() != Magic) throw new InvalidDataException("Not a travel-time model.");
            var format = reader.ReadInt32();
            if (format != FormatVersion) throw new InvalidDataException($"Travel-time model format {format} is not supported (this build reads {FormatVersion}).");
            var version = reader.ReadString();
            var trainedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.ReadInt64());
            var zone = reader.ReadString();
            var graphKey = reader.ReadString();
            var slots = ReadFloats(reader);
            if (slots.Length != TimeOfWeek.Slots) throw new InvalidDataException($"The model has {slots.Length} time-of-week slots, not {TimeOfWeek.Slots}.");
            var bands = new CalibrationBand[reader.ReadInt32()];
            for (var i = 0; i < bands.Length; i++) bands[i] = new CalibrationBand(reader.ReadDouble(), reader.ReadDouble());
            var summary = new TrainingSummary(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadDouble());
            return new TravelTimeModel
            {
                Version = version, TrainedAt = trainedAt, TimeZoneId = zone, GraphKey = graphKey, SlotFactors = slots,
                Calibration = bands, Summary = summary, EdgeSeconds = ReadFloats(reader),
            };
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("The travel-time model is truncated.", ex);
        }
    }

    private static void WriteFloats(BinaryWriter writer, float[] values)
    {
        writer.Write(values.Length);
        foreach (var v in values) writer.Write(v);
    }

    private static float[] ReadFloats(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        if (count is < 0 or > 100_000_000) throw new InvalidDataException("The travel-time model is damaged.");
        var values = new float[count];
        for (var i = 0; i < count; i++) values[i] = reader.ReadSingle();
        return values;
    }
}

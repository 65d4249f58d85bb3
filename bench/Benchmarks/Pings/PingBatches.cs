using System.Buffers;
using System.Text.Json;

namespace OrleansPortal.Benchmarks.Pings;

/// <summary>
/// Writes JSON batches of 100 pings, each for a different technician, round-robin over the fleet. A technician's
/// fixes are 10 ms apart and 8 cm apart (a walking pace): plausible to the jump filter and never in the future.
/// </summary>
internal sealed class PingBatches(string[] tokens)
{
    public const int BatchSize = 100;
    private readonly DateTimeOffset _base = DateTimeOffset.UtcNow.AddMinutes(-50);
    private long _next;

    /// <summary>The next batch, and the number of its first ping (for <see cref="Fixes"/>).</summary>
    public (byte[] Json, long First) Next()
    {
        var first = Interlocked.Add(ref _next, BatchSize) - BatchSize;
        var buffer = new ArrayBufferWriter<byte>(BatchSize * 160);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("pings");
            foreach (var (technician, time) in Fixes(first))
            {
                json.WriteStartObject();
                json.WriteString("device", tokens[technician]);
                json.WriteString("time", time);
                json.WriteNumber("lat", 41.10 + technician % 100 * 0.001);
                json.WriteNumber("lon", -8.65 + technician / 100 * 0.001 + (time - _base).TotalMilliseconds / 10 * 0.000001);
                json.WriteNumber("speed", 8);
                json.WriteNumber("accuracy", 5);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return (buffer.WrittenSpan.ToArray(), first);
    }

    /// <summary>Whose fixes the batch starting at ping <paramref name="first"/> carries (index into the fleet), and their times.</summary>
    public IEnumerable<(int Technician, DateTimeOffset Time)> Fixes(long first)
    {
        for (var n = first; n < first + BatchSize; n++)
            yield return ((int)(n % tokens.Length), _base.AddMilliseconds(n / tokens.Length * 10));
    }
}

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

    public byte[] Next()
    {
        var first = Interlocked.Add(ref _next, BatchSize) - BatchSize;
        var buffer = new ArrayBufferWriter<byte>(BatchSize * 160);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("pings");
            for (var n = first; n < first + BatchSize; n++)
            {
                var technician = (int)(n % tokens.Length);
                var round = n / tokens.Length;
                json.WriteStartObject();
                json.WriteString("device", tokens[technician]);
                json.WriteString("time", _base.AddMilliseconds(round * 10));
                json.WriteNumber("lat", 41.10 + technician % 100 * 0.001);
                json.WriteNumber("lon", -8.65 + technician / 100 * 0.001 + round * 0.000001);
                json.WriteNumber("speed", 8);
                json.WriteNumber("accuracy", 5);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}

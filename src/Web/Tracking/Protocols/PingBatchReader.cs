using System.Text;
using System.Text.Json;
using OrleansPortal.Grains.Technicians;

namespace OrleansPortal.Web.Tracking.Protocols;

/// <summary>
/// Reads a ping batch in one forward pass over the UTF-8 bytes: no document, no per-ping DTO, times parsed from a
/// stack buffer, so a ping costs its device string (when present), its GpsFix and its DevicePing. Every field error
/// of every ping is reported, keyed <c>pings[i].field</c>; malformed JSON is one error under "body".
/// </summary>
internal static class PingBatchReader
{
    // Longer than any ISO-8601 time ("2025-06-15T13:45:12.8621234+02:00" is 33); longer is not a time.
    private const int MaxTimeLength = 64;

    public static ProtocolReadResult Read(ReadOnlySpan<byte> json, string? bearerToken, ProtocolErrors errors)
    {
        var pings = new List<DevicePing>();
        try
        {
            var reader = new Utf8JsonReader(json);
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                errors.Add("body", "the request body must be a JSON object: {\"pings\": [...]}");
                return errors.ToResult();
            }

            var sawPings = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isPings = reader.ValueTextEquals("pings"u8);
                reader.Read();
                if (isPings && sawPings)
                {
                    errors.Add("pings", "pings appears twice");
                    reader.Skip();
                }
                else if (isPings)
                    ReadPings(ref reader, bearerToken, pings, errors);
                else
                    reader.Skip();
                sawPings |= isPings;
            }
            reader.Read(); // throws on anything but whitespace after the object
            if (!sawPings)
                errors.Missing("pings");
        }
        catch (JsonException ex)
        {
            errors.Add("body", JsonBody.NotJson(ex));
            return errors.ToResult();
        }
        return errors.ToResult(pings);
    }

    private static void ReadPings(ref Utf8JsonReader reader, string? bearerToken, List<DevicePing> pings, ProtocolErrors errors)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            errors.WrongType("pings", "an array");
            reader.Skip();
            return;
        }

        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            // Past the limit the batch is refused whole; the rest is only counted, for the message.
            if (count >= PingBatchProtocol.MaxPings)
                reader.Skip();
            else if (reader.TokenType == JsonTokenType.StartObject)
                ReadPing(ref reader, count, bearerToken, pings, errors);
            else
            {
                errors.WrongType($"pings[{count}]", "an object");
                reader.Skip();
            }
            count++;
        }
        if (count > PingBatchProtocol.MaxPings)
        {
            pings.Clear();
            errors.Add("pings", $"a batch holds at most {PingBatchProtocol.MaxPings} pings; this one has {count}");
        }
    }

    private static void ReadPing(ref Utf8JsonReader reader, int index, string? bearerToken, List<DevicePing> pings, ProtocolErrors errors)
    {
        var before = errors.Added;
        string? device = null;
        DateTimeOffset? time = null;
        double? latitude = null, longitude = null, speed = null, heading = null, altitude = null, accuracy = null, battery = null;

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("lat"u8)) latitude = ReadNumber(ref reader, index, "lat", errors);
            else if (reader.ValueTextEquals("lon"u8)) longitude = ReadNumber(ref reader, index, "lon", errors);
            else if (reader.ValueTextEquals("time"u8)) time = ReadTime(ref reader, index, errors);
            else if (reader.ValueTextEquals("device"u8)) device = ReadDevice(ref reader, index, errors);
            else if (reader.ValueTextEquals("speed"u8)) speed = ReadNumber(ref reader, index, "speed", errors);
            else if (reader.ValueTextEquals("heading"u8)) heading = ReadNumber(ref reader, index, "heading", errors);
            else if (reader.ValueTextEquals("altitude"u8)) altitude = ReadNumber(ref reader, index, "altitude", errors);
            else if (reader.ValueTextEquals("accuracy"u8)) accuracy = ReadNumber(ref reader, index, "accuracy", errors);
            else if (reader.ValueTextEquals("battery"u8)) battery = ReadNumber(ref reader, index, "battery", errors);
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (time is null)
            errors.Missing(Key(index, "time"));
        if (latitude is null)
            errors.Missing(Key(index, "lat"));
        if (longitude is null)
            errors.Missing(Key(index, "lon"));
        device ??= bearerToken;
        if (device is null)
            errors.Add(Key(index, "device"), "no device token: set device or send Authorization: Bearer <device token>");

        if (errors.Added != before)
            return;
        pings.Add(new DevicePing(device!, new GpsFix(time!.Value, latitude!.Value, longitude!.Value)
        {
            SpeedMetersPerSecond = speed,
            HeadingDegrees = heading,
            AltitudeMeters = altitude,
            AccuracyMeters = accuracy,
            BatteryPercent = battery,
        }));
    }

    // The Read* methods read the value after a property name: null for JSON null (so a required field is
    // "missing"); for an unusable value they add the error and return a marker (NaN, MinValue, "") that is not null,
    // so the field is not also called missing. A ping with an error is dropped, so markers never leave this class.
    private static double? ReadNumber(ref Utf8JsonReader reader, int index, string name, ProtocolErrors errors)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number when reader.TryGetDouble(out var value) && double.IsFinite(value):
                return value;
            case JsonTokenType.Number:
                errors.NotANumber(Key(index, name), Encoding.UTF8.GetString(reader.ValueSpan));
                return double.NaN;
            default:
                errors.WrongType(Key(index, name), "a number");
                reader.Skip();
                return double.NaN;
        }
    }

    private static DateTimeOffset? ReadTime(ref Utf8JsonReader reader, int index, ProtocolErrors errors)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        if (reader.TokenType != JsonTokenType.String)
        {
            errors.WrongType(Key(index, "time"), "an ISO-8601 string");
            reader.Skip();
            return DateTimeOffset.MinValue;
        }

        if (reader.ValueSpan.Length <= MaxTimeLength)
        {
            Span<char> text = stackalloc char[MaxTimeLength];
            if (TryCopyString(ref reader, text, out var length) && WireValues.TryParseDate(text[..length], out var time))
                return time;
        }
        errors.NotATime(Key(index, "time"), Encoding.UTF8.GetString(reader.ValueSpan));
        return DateTimeOffset.MinValue;
    }

    private static string? ReadDevice(ref Utf8JsonReader reader, int index, ProtocolErrors errors)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        if (reader.TokenType != JsonTokenType.String)
        {
            errors.WrongType(Key(index, "device"), "a string");
            reader.Skip();
            return "";
        }
        try
        {
            var device = reader.GetString();
            if (device is { Length: > PingBatchProtocol.MaxDeviceLength })
            {
                errors.Add(Key(index, "device"), $"device is at most {PingBatchProtocol.MaxDeviceLength} characters");
                return "";
            }

            return string.IsNullOrWhiteSpace(device) ? null : device;
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate ("\ud800") is valid JSON but not text.
            errors.Add(Key(index, "device"), "device is not valid text");
            return "";
        }
    }

    private static bool TryCopyString(ref Utf8JsonReader reader, scoped Span<char> destination, out int length)
    {
        try
        {
            length = reader.CopyString(destination);
            return true;
        }
        catch (InvalidOperationException)
        {
            length = 0;
            return false;
        }
    }

    private static string Key(int index, string name) => $"pings[{index}].{name}";
}

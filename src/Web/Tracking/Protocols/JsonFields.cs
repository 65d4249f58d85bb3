using System.Text.Json;

namespace OrleansPortal.Web.Tracking.Protocols;

/// <summary>
/// Reads optional fields of the tracking apps' JSON objects (<c>obj</c> must be a JSON object). Absent and JSON null
/// both mean unknown; a present but unusable value adds an error under <c>prefix + name</c>, built only then.
/// Numbers may also arrive as numeric strings, which some SDKs send.
/// </summary>
internal static class JsonFields
{
    public static double? Number(JsonElement obj, string prefix, string name, ProtocolErrors errors)
    {
        if (!obj.TryGetProperty(name, out var value))
            return null;
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.Number when value.TryGetDouble(out var number) && double.IsFinite(number):
                return number;
            case JsonValueKind.Number:
                errors.NotANumber(prefix + name, value.GetRawText());
                return null;
            case JsonValueKind.String:
                if (!TryGetString(value, out var text))
                {
                    errors.Add(prefix + name, $"{name} is not valid text");
                    return null;
                }
                if (WireValues.TryParseNumber(text, out var parsed))
                    return parsed;
                errors.NotANumber(prefix + name, text);
                return null;
            default:
                errors.WrongType(prefix + name, "a number");
                return null;
        }
    }

    public static double? RequiredNumber(JsonElement obj, string prefix, string name, ProtocolErrors errors)
    {
        var before = errors.Added;
        var number = Number(obj, prefix, name, errors);
        if (number is null && errors.Added == before)
            errors.Missing(prefix + name);
        return number;
    }

    /// <summary>A string, or a number's text (device ids are sometimes sent as numbers). Empty counts as absent.</summary>
    public static string? Text(JsonElement obj, string prefix, string name, ProtocolErrors errors)
    {
        if (!obj.TryGetProperty(name, out var value))
            return null;
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.String:
                if (!TryGetString(value, out var text))
                {
                    errors.Add(prefix + name, $"{name} is not valid text");
                    return null;
                }
                return string.IsNullOrWhiteSpace(text) ? null : text;
            case JsonValueKind.Number:
                return value.GetRawText();
            default:
                errors.WrongType(prefix + name, "a string");
                return null;
        }
    }

    /// <summary>An ISO-8601 string, or an epoch number by Traccar's seconds-or-milliseconds rule.</summary>
    public static DateTimeOffset? Time(JsonElement obj, string prefix, string name, ProtocolErrors errors)
    {
        if (!obj.TryGetProperty(name, out var value))
            return null;
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.String:
                if (!TryGetString(value, out var text))
                {
                    errors.Add(prefix + name, $"{name} is not valid text");
                    return null;
                }
                if (WireValues.TryParseTime(text, out var time))
                    return time;
                errors.NotATime(prefix + name, text);
                return null;
            case JsonValueKind.Number:
                if (value.TryGetDouble(out var epoch) && WireValues.TryFromEpoch(epoch, out var fromEpoch))
                    return fromEpoch;
                errors.NotATime(prefix + name, value.GetRawText());
                return null;
            default:
                errors.WrongType(prefix + name, "a time");
                return null;
        }
    }

    // An escaped lone surrogate ("\ud800") is valid JSON, but GetString throws on it.
    private static bool TryGetString(JsonElement value, out string text)
    {
        try
        {
            text = value.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            text = "";
            return false;
        }
    }
}

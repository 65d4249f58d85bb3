using System.Text.Json;
using System.Text.Unicode;

namespace OrleansPortal.Web.Tracking.Protocols;

/// <summary>Checks a JSON body before parsing, and parses it without letting a JsonException out.</summary>
internal static class JsonBody
{
    /// <summary>
    /// The body without a UTF-8 byte order mark, or false with an error when it is blank or not UTF-8. Checking
    /// UTF-8 up front matters: System.Text.Json only finds invalid text when a string is read, by throwing.
    /// </summary>
    public static bool TryPrepare(ReadOnlyMemory<byte> body, ProtocolErrors errors, out ReadOnlyMemory<byte> json)
    {
        json = body.Span.StartsWith("\uFEFF"u8) ? body[3..] : body;
        if (json.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            errors.Add("body", "the request body is empty: send JSON");
            return false;
        }
        if (!Utf8.IsValid(json.Span))
        {
            errors.Add("body", "the request body is not UTF-8 text");
            return false;
        }
        return true;
    }

    /// <summary>Parses a prepared body; the document refers to <paramref name="json"/>, which must outlive it.</summary>
    public static JsonDocument? TryParse(ReadOnlyMemory<byte> json, ProtocolErrors errors)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            errors.Add("body", NotJson(ex));
            return null;
        }
    }

    // Position only: the exception's own message can quote the body, which may hold a device token.
    public static string NotJson(JsonException ex) =>
        $"the request body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})";
}

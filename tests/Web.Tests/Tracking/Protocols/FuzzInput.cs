using System.Text;
using Microsoft.AspNetCore.Http;

namespace OrleansPortal.Web.Tests.Tracking.Protocols;

/// <summary>
/// One hostile request for the fuzz tests, generated from a seeded Random so a failure replays exactly: random
/// bytes, truncated or bit-flipped samples, JSON templates filled with awkward values, random query strings and
/// Authorization headers. <see cref="ToString"/> describes it for the failure message.
/// </summary>
internal sealed record FuzzInput(string Kind, string Method, string Query, string? ContentType, string? Authorization, byte[] Body, bool BodyFails)
{
    private static readonly string[] ContentTypes =
    [
        null!, "", "application/json", "application/json; charset=utf-8", " APPLICATION/JSON ;", "application/problem+json",
        "application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x", "application/xml", ";;;", "json",
    ];

    private static readonly string[] QueryKeys =
    [
        "id", "deviceid", "token", "lat", "lon", "location", "timestamp", "speed", "speed_mps", "bearing", "heading",
        "altitude", "accuracy", "batt", "hdop", "cell", "u", "d", "", "ID", "Lat",
    ];

    private static readonly string[] TextValues =
    [
        "", " ", "0", "-0", "48.8566", "-122.084", "15", "1e400", "-1e400", "1e-400", "NaN", "Infinity", "-Infinity", "∞",
        "1,5", "0x10", "99999999999999999999999", "9223372036854775808", "-9223372036854775809", "2147483647", "2147483648",
        "1377177267", "1377177267.5", "1377177267123", "2021-01-01T00:00:00Z", "2021-01-01 00:00:00", "2021-13-45T99:99:99Z",
        "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "2021-01-01T00:00:00 14:00", "%", "%zz", "%ED%A0%80",
        "%FF%FE", "%00", "+", "&&", "==", "a,b", ",", "1,2,3", "48.85,2.35", "٣٤", "\ud800", "\u0000", new string('9', 400),
        new string('x', 5000), "--", "1.2.3", "-", ".", "1e", "e5",
    ];

    private static readonly string[] JsonValues =
    [
        "0", "-0", "1.5", "48.8566", "-1", "1e400", "-1e400", "1e-400", "123456789012345678901234567890", "9223372036854775807",
        "1718459112", "1718459112862", "-62135596801", "253402300800", "\"1.5\"", "\"NaN\"", "\"Infinity\"", "\"\\ud800\"",
        "\"\\udc00x\"", "\"\\u0000\"", "true", "false", "null", "[]", "{}", "[[[[1]]]]", "{\"a\":{\"b\":1}}", "\"abc\"", "\"\"",
        "\"2025-06-15T13:45:12Z\"", "\"2025-06-15T13:45:12.123456789Z\"", "\"0001-01-01T00:00:00+14:00\"",
        "\"9999-12-31T23:59:59-14:00\"", "\"1377177267\"", "\"location\"", "\"lwt\"", "\"" + new string('z', 300) + "\"",
    ];

    // Values that make a field valid, so that enough inputs get past the first check to reach the code behind it.
    private static readonly string[] PlausibleJsonValues = ["1", "48.8566", "1718459112", "\"2025-06-15T13:45:12Z\"", "\"location\"", "\"d\""];

    private static readonly string[] ValidAuthorizations = ["Basic dGVjaC00MjpzZWNyZXQ=", "Bearer t"];

    private static readonly string[] Authorizations =
    [
        "Basic dGVjaC00MjpzZWNyZXQ=", "Basic ", "Basic", "Basic ====", "Basic Og==", "Basic OnNlY3JldA==", "Basic /w==",
        "Basic " + new string('A', 5000), "Bearer", "Bearer ", "Bearer t", "bearer  spaced  ", "Digest x", "\u00ff\u0100",
    ];

    private const string JsonSignificant = "{}[]\":,.-+eE0123456789 \\untrfalse";

    public static FuzzInput Next(Random random, string[] jsonTemplates, string[] samples)
    {
        var kind = random.Next(7);
        var method = random.Next(3) switch { 0 => "GET", 1 => "POST", _ => "PUT" };
        var query = random.Next(3) == 0 ? RandomQuery(random) : "";
        var contentType = Pick(random, ContentTypes);
        var authorization = random.Next(4) switch { 0 => Pick(random, Authorizations), 3 => null, _ => Pick(random, ValidAuthorizations) };
        var bodyFails = random.Next(40) == 0;
        byte[] body = kind switch
        {
            0 => RandomBytes(random),
            1 => Truncate(random, Encoding.UTF8.GetBytes(Pick(random, samples))),
            2 => Mutate(random, Encoding.UTF8.GetBytes(Pick(random, samples))),
            3 or 4 => Encoding.UTF8.GetBytes(Fill(random, Pick(random, jsonTemplates))),
            5 => Encoding.UTF8.GetBytes(RandomQuery(random)[1..]),
            _ => Mutate(random, Encoding.UTF8.GetBytes(Fill(random, Pick(random, jsonTemplates)))),
        };
        if (kind is 3 or 4 && random.Next(2) == 0)
            contentType = "application/json";
        return new FuzzInput($"kind {kind}", method, query, contentType, authorization, body, bodyFails);
    }

    public HttpRequest ToRequest()
    {
        var request = TestRequests.Create(Method, Query, ContentType, Body);
        if (Authorization is not null)
            request.Headers.Authorization = Authorization;
        request.Headers["X-Limit-U"] = "tech-42";
        if (BodyFails)
        {
            request.ContentLength = null;
            request.Body = new FailingStream();
        }
        return request;
    }

    public override string ToString() =>
        $"{Kind} {Method} '{Query}' Content-Type '{ContentType}' Authorization '{Authorization}' fails {BodyFails} body ({Body.Length} bytes): "
        + Convert.ToBase64String(Body, 0, Math.Min(Body.Length, 600));

    private static string Fill(Random random, string template)
    {
        var builder = new StringBuilder(template.Length * 2);
        foreach (var c in template)
            builder.Append(c != '$' ? c : Pick(random, random.Next(5) < 2 ? PlausibleJsonValues : JsonValues));
        return builder.ToString();
    }

    private static string RandomQuery(Random random)
    {
        var builder = new StringBuilder("?");
        var count = random.Next(12);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
                builder.Append(random.Next(10) == 0 ? "&&" : "&");
            builder.Append(Pick(random, QueryKeys));
            if (random.Next(8) != 0)
                builder.Append('=').Append(random.Next(2) == 0 ? Uri.EscapeDataString(ToValidText(Pick(random, TextValues))) : Pick(random, TextValues));
        }
        return builder.ToString();
    }

    // Uri.EscapeDataString refuses lone surrogates; the raw branch still sends them.
    private static string ToValidText(string text) => text.Replace("\ud800", "x", StringComparison.Ordinal);

    private static byte[] RandomBytes(Random random)
    {
        var roll = random.Next(400);
        var bytes = new byte[roll == 0 ? 1024 * 1024 + random.Next(-2, 3) : random.Next(300)];
        random.NextBytes(bytes);
        if (roll == 1 && bytes.Length >= 3)
            "\uFEFF"u8.CopyTo(bytes);
        return bytes;
    }

    private static byte[] Truncate(Random random, byte[] bytes) => bytes[..random.Next(bytes.Length + 1)];

    private static byte[] Mutate(Random random, byte[] bytes)
    {
        var list = new List<byte>(bytes);
        var mutations = 1 + random.Next(6);
        for (var i = 0; i < mutations && list.Count > 0; i++)
        {
            var at = random.Next(list.Count);
            var value = random.Next(4) == 0 ? (byte)random.Next(256) : (byte)JsonSignificant[random.Next(JsonSignificant.Length)];
            switch (random.Next(3))
            {
                case 0: list[at] = value; break;
                case 1: list.Insert(at, value); break;
                default: list.RemoveAt(at); break;
            }
        }
        return [.. list];
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}

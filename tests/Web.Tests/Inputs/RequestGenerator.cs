using System.Text;
using System.Text.Json.Nodes;

namespace OrleansPortal.Web.Tests.Inputs;

/// <summary>
/// Bad input for every operation of the document, derived from its schemas alone, so a new endpoint is covered the day
/// it is added: a plausible request (real ids from <see cref="InputWorld"/>) with one thing broken at a time, in
/// the body (missing, null, wrong type, huge, deeply nested, a 100,000-item array, invalid UTF-16), the query or the path.
/// </summary>
public sealed class RequestGenerator(ApiDescription api, InputWorld world)
{
    public const int HugeLength = 1024 * 1024;
    public const int NestingDepth = 200;
    public const int ManyItems = 100_000;

    private const string Marker = "\u0001marker\u0001";

    // Optional fields of nested objects that exclude others (a recurrence's count and end date; a series' window comes from its recurrence).
    private static readonly HashSet<string> LeftOut = ["count", "arrivalWindow"];

    // Path ids a router and a handler must survive: traversal, encoded separators, bidi overrides, SQL, a long one. Not
    // %00: Kestrel refuses a NUL in the path with 400 before routing, and the in-memory test server throws instead.
    private static readonly string[] OddPathValues =
    [
        "..", "%2e%2e%2f%2e%2e", "a%2Fb", "%E2%80%AEevil", "%0A", "null", "-1", "0", "' OR 1=1 --", "%F0%9F%92%A9", "job:", "customer:",
        "job:" + new string('f', 32) + "%0A", new string('a', 2_000), "ABCDEF0123456789ABCDEF0123456789",
    ];

    private static readonly string[] OddQueryValues =
        ["", "abc", "-1", "2147483647", "99999999999999999999", "1e999", "%00", "%E2%80%AE", "2026-02-30", "0001-01-01", "9999-12-31", "9999-12-31T23:59:59Z", new string('9', 5_000)];

    public IEnumerable<GeneratedRequest> For(ApiOperation operation)
    {
        var url = Url(operation);
        foreach (var request in ForParameters(operation)) yield return request;
        foreach (var request in operation.Body is { } schema ? ForBody(operation, url, schema) : ForUndocumentedBody(operation, url)) yield return request;
    }

    private IEnumerable<GeneratedRequest> ForParameters(ApiOperation operation)
    {
        var body = operation.Body is null ? null : Plausible(operation.Body).ToJsonString();
        foreach (var parameter in operation.Parameters)
        {
            if (parameter.In == "query") yield return new GeneratedRequest(operation, Url(operation, (parameter.Name, null)), $"query {parameter.Name} missing", null, body);
            foreach (var value in parameter.In == "path" ? OddPathValues : OddQueryValues)
            {
                yield return new GeneratedRequest(operation, Url(operation, (parameter.Name, value)), $"{parameter.In} {parameter.Name}={Shorten(value)}", null, body);
                // Alone too: a client leaves optional parameters out, and the defaults then meet the odd value.
                if (parameter.In == "query" && operation.Parameters.Count(p => p.In == "query") > 1)
                    yield return new GeneratedRequest(operation, Url(operation, (parameter.Name, value), othersLeftOut: true), $"query {parameter.Name}={Shorten(value)} alone", null, body);
            }
        }
    }

    /// <summary>
    /// The operation's URL with the world's ids and a plausible value for every query parameter, but one given as it is
    /// (already URL-encoded; null leaves the query parameter out).
    /// </summary>
    private string Url(ApiOperation operation, (string Name, string? Value)? odd = null, bool othersLeftOut = false)
    {
        var path = world.Url(operation, odd is { Value: { } value } o ? new Dictionary<string, string> { [o.Name] = value } : null);
        var query = operation.Parameters
            .Where(p => p.In == "query" && (p.Name == odd?.Name ? odd.Value.Value is not null : !othersLeftOut))
            .Select(p => p.Name == odd?.Name ? $"{p.Name}={odd.Value.Value}" : $"{p.Name}={Uri.EscapeDataString(Plausible(p.Schema, p.Name).ToString())}")
            .ToList();
        return query.Count == 0 ? path : $"{path}?{string.Join('&', query)}";
    }

    private IEnumerable<GeneratedRequest> ForBody(ApiOperation operation, string url, JsonObject schema)
    {
        GeneratedRequest Raw(string input, string? body, string? contentType = "application/json") => new(operation, url, input, contentType, body);

        yield return Raw("no body", null, null);
        yield return Raw("empty body", "");
        foreach (var literal in new[] { "null", "{}", "[]", "0", "\"text\"", "{", "not json", "{\"a\":1}}" }) yield return Raw(literal, literal);
        yield return Raw($"nested {NestingDepth} deep", Nested(NestingDepth));
        yield return Raw("as text/plain", Plausible(schema).ToJsonString(), "text/plain");

        var baseline = Plausible(schema);
        yield return Raw("plausible", baseline.ToJsonString());
        foreach (var (path, property) in Fields(schema))
        {
            var name = string.Join('.', path);
            yield return Raw($"{name} missing", With(baseline, path, remove: true));
            yield return Raw($"{name} null", With(baseline, path, "null"));
            yield return Raw($"{name} wrong type", With(baseline, path, WrongTypeFor(ApiDescription.TypeOf(property))));
            yield return Raw($"{name} huge string", With(baseline, path, $"\"{new string('x', HugeLength)}\""));
            yield return Raw($"{name} nested {NestingDepth} deep", With(baseline, path, Nested(NestingDepth)));
            yield return Raw($"{name} lone surrogate", With(baseline, path, "\"a\\ud800b\""));
            foreach (var extreme in ExtremesFor(property)) yield return Raw($"{name}={Shorten(extreme)}", With(baseline, path, extreme));
            if (ApiDescription.TypeOf(property) == "array")
            {
                var item = Plausible(api.Items(property)).ToJsonString();
                yield return Raw($"{name} {ManyItems:N0} items", With(baseline, path, "[" + string.Join(',', Enumerable.Repeat(item, ManyItems)) + "]"));
                yield return Raw($"{name} [null]", With(baseline, path, "[null]"));
            }
        }
    }

    // Endpoints that read their body by hand (uploads, chat, tracking, sign-out) have no schema; they still get junk.
    private static IEnumerable<GeneratedRequest> ForUndocumentedBody(ApiOperation operation, string url)
    {
        if (operation.Method is "GET" or "DELETE") yield break;
        yield return new(operation, url, "no body", null, null);
        yield return new(operation, url, "{}", "application/json", "{}");
        yield return new(operation, url, "null", "application/json", "null");
        yield return new(operation, url, $"nested {NestingDepth} deep", "application/json", Nested(NestingDepth));
        yield return new(operation, url, "huge text", "application/json", $"{{\"text\":\"{new string('x', HugeLength)}\"}}");
        yield return new(operation, url, "form", "application/x-www-form-urlencoded", "text=a&internal=maybe&caption=" + new string('x', 5_000));
        yield return new(operation, url, "broken multipart", "multipart/form-data; boundary=zz", "--zz\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"a.png\"\r\n\r\nnot a png");
        yield return new(operation, url, "text/plain", "text/plain", "hello");
    }

    /// <summary>A value the schema would accept, with real ids and sensible values where the property name says what it is.</summary>
    public JsonNode Plausible(JsonObject schema, string? name = null, int depth = 0)
    {
        if (schema["enum"] is JsonArray values) return values[0]!.DeepClone();
        switch (ApiDescription.TypeOf(schema))
        {
            case "object":
                var result = new JsonObject();
                if (depth < 6)
                    foreach (var (property, propertySchema) in api.Properties(schema))
                        result[property] = depth > 0 && LeftOut.Contains(property) ? null : Plausible(propertySchema, property, depth + 1);
                return result;
            case "array":
                return depth < 6 ? new JsonArray(Plausible(api.Items(schema), name is null ? null : name + "[]", depth + 1)) : new JsonArray();
            case "integer":
                return JsonValue.Create(1);
            case "number":
                return JsonValue.Create(name == "budgetSeconds" ? 0.1 : 1.0);
            case "boolean":
                return JsonValue.Create(false);
            default:
                return JsonValue.Create(world.PlausibleString(name, schema["format"]?.GetValue<string>(), schema["pattern"]?.GetValue<string>()));
        }
    }

    /// <summary>The body's fields (<see cref="ApiDescription.Fields"/>) but those inside a value <see cref="Plausible"/> leaves out.</summary>
    public IEnumerable<(string[] Path, JsonObject Schema)> Fields(JsonObject body) =>
        api.Fields(body).Where(f => !f.Path.Skip(1).SkipLast(1).Any(LeftOut.Contains));

    /// <summary>The operation's plausible request with one value of the body replaced by raw JSON text.</summary>
    public GeneratedRequest WithValue(ApiOperation operation, string[] path, string rawJson, string input) =>
        new(operation, Url(operation), input, "application/json", With(Plausible(operation.Body!), path, rawJson));

    /// <summary>The baseline with the value at <paramref name="path"/> replaced by raw JSON text (or removed).</summary>
    private static string With(JsonNode baseline, string[] path, string? rawJson = null, bool remove = false)
    {
        var copy = baseline.DeepClone();
        var parent = copy;
        foreach (var step in path[..^1]) parent = parent is JsonArray array ? array[int.Parse(step)]! : parent[step]!;
        var last = path[^1];
        if (remove)
        {
            parent.AsObject().Remove(last);
            return copy.ToJsonString();
        }

        if (parent is JsonArray items) items[int.Parse(last)] = Marker;
        else parent[last] = Marker;
        // The marker is written escaped (\u0001), so it cannot collide with anything else in the document.
        return copy.ToJsonString().Replace($"\"{System.Text.Json.JsonSerializer.Serialize(Marker)[1..^1]}\"", rawJson);
    }

    // The edges of each type, where arithmetic on dates and numbers overflows.
    private static string[] ExtremesFor(JsonObject schema)
    {
        var format = schema["format"]?.GetValue<string>();
        return (ApiDescription.TypeOf(schema), format) switch
        {
            ("string", "date") => ["\"0001-01-01\"", "\"9999-12-31\""],
            ("string", "date-time") => ["\"0001-01-01T00:00:00Z\"", "\"9999-12-31T23:59:59Z\""],
            ("string", "time") => ["\"00:00:00\"", "\"23:59:59.9999999\""],
            ("string", _) when schema["pattern"]?.GetValue<string>().Contains(@"\d{2}:\d{2}:\d{2}") == true =>
                ["\"10675199.02:48:05.4775807\"", "\"-10675199.02:48:05.4775808\""],
            ("string", _) => ["\"\"", "\"   \"", "\"a\\u0000b\\u202Ec\\u0007\"", "\"0001-01-01\"", "\"9999-12-31T23:59:59Z\""],
            ("integer", _) => ["2147483647", "-2147483648", "0"],
            ("number", _) => ["1e308", "-1e308", "0", "-1"],
            _ => [],
        };
    }

    private static string WrongTypeFor(string type) => type switch
    {
        "string" => "12345",
        "number" or "integer" => "\"not a number\"",
        "boolean" => "\"yes\"",
        "array" => "{\"a\":1}",
        _ => "[1,2]",
    };

    private static string Nested(int depth) => new StringBuilder().Insert(0, "{\"a\":", depth).Append("1").Append('}', depth).ToString();

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + $"...({value.Length} chars)" : value;
}

using System.Text.Json.Nodes;

namespace OrleansPortal.Web.Tests.Inputs;

/// <summary>The app's own OpenAPI document (/openapi/v1.json) read into operations, with schema references resolved.</summary>
public sealed class ApiDescription
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    private readonly JsonObject _schemas;

    private ApiDescription(JsonObject document)
    {
        _schemas = document["components"]?["schemas"]?.AsObject() ?? [];
        Operations =
        [
            .. from path in document["paths"]!.AsObject()
               from method in Methods
               let operation = path.Value![method]
               where operation is not null
               select new ApiOperation(
                   method.ToUpperInvariant(),
                   path.Key,
                   [.. (operation["parameters"]?.AsArray() ?? []).Select(p => new ApiParameter(p!["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(), Resolve(p["schema"])))],
                   operation["requestBody"]?["content"]?["application/json"]?["schema"] is { } body ? Resolve(body) : null),
        ];
    }

    public IReadOnlyList<ApiOperation> Operations { get; }

    public static async Task<ApiDescription> LoadAsync(HttpClient client) =>
        new(JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!.AsObject());

    /// <summary>The schema a value must follow: references followed, and "null or X" (oneOf) read as X.</summary>
    public JsonObject Resolve(JsonNode? schema)
    {
        if (schema is not JsonObject s) return [];
        if (s["$ref"]?.GetValue<string>() is { } reference) return Resolve(_schemas[reference.Split('/')[^1]]);
        if (s["oneOf"] is JsonArray choices && choices.FirstOrDefault(c => c?["type"]?.ToString() != "null") is { } notNull) return Resolve(notNull);
        return s;
    }

    /// <summary>The properties of an object schema, each with its resolved schema.</summary>
    public IEnumerable<(string Name, JsonObject Schema)> Properties(JsonObject schema) =>
        (schema["properties"]?.AsObject() ?? []).Select(p => (p.Key, Resolve(p.Value)));

    public JsonObject Items(JsonObject arraySchema) => Resolve(arraySchema["items"]);

    /// <summary>Every property of an object schema, those of nested objects and of the first item of arrays included ("lines.0.description").</summary>
    public IEnumerable<(string[] Path, JsonObject Schema)> Fields(JsonObject schema, string[]? prefix = null)
    {
        prefix ??= [];
        if (prefix.Length > 6) yield break;
        foreach (var (name, property) in Properties(schema))
        {
            string[] path = [.. prefix, name];
            yield return (path, property);
            var type = TypeOf(property);
            if (type == "object")
                foreach (var inner in Fields(property, path)) yield return inner;
            if (type == "array" && TypeOf(Items(property)) == "object")
                foreach (var inner in Fields(Items(property), [.. path, "0"])) yield return inner;
        }
    }

    /// <summary>The JSON type of a schema, ignoring "null" and the "string" that number schemas also allow (numbers may arrive quoted).</summary>
    public static string TypeOf(JsonObject schema)
    {
        if (schema["enum"] is not null) return "string";
        if (schema["properties"] is not null) return "object";
        var types = schema["type"] switch
        {
            JsonArray many => many.Select(t => t!.GetValue<string>()).ToArray(),
            JsonValue one => [one.GetValue<string>()],
            _ => [],
        };
        return types.FirstOrDefault(t => t is "number" or "integer" or "boolean" or "array" or "object") ?? types.FirstOrDefault(t => t != "null") ?? "object";
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrleansPortal.Fakes;

/// <summary>Reading the fake's own JSON objects, whose numbers were written as int or long literals alike.</summary>
internal static class FakeStripeJson
{
    public static long Long(JsonNode node)
    {
        var value = node.AsValue();
        if (value.TryGetValue<long>(out var wide)) return wide;
        return value.TryGetValue<int>(out var narrow) ? narrow : value.GetValue<JsonElement>().GetInt64();
    }
}

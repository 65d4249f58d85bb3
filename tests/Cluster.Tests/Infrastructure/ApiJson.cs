using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansPortal.Cluster.Tests.Infrastructure;

/// <summary>How the API writes JSON (web defaults, enums by name), for tests that read its answers.</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}

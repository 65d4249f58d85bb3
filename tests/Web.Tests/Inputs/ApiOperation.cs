using System.Text.Json.Nodes;

namespace OrleansPortal.Web.Tests.Inputs;

/// <summary>One operation of the OpenAPI document: its parameters, and the schema of its JSON body if it documents one.</summary>
public sealed record ApiOperation(string Method, string Path, IReadOnlyList<ApiParameter> Parameters, JsonObject? Body)
{
    public override string ToString() => $"{Method} {Path}";
}

public sealed record ApiParameter(string Name, string In, JsonObject Schema);

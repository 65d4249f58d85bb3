using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansPortal.Grains;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Inputs;

/// <summary>
/// The limits the OpenAPI document states are the ones the API keeps: every string and list a request body carries has
/// one, a value one past it is refused at every endpoint, and so is text with control or bidi-override characters. A
/// refused request stores nothing.
/// </summary>
public sealed class InputLimitTests : IClassFixture<PortalFactory>
{
    // Sign-in answers alike whatever is wrong (401, and 429 past its rate limit), so what it refuses cannot be told apart
    // from outside; EmailAddress and the token's shape bound what reaches a grain.
    private static readonly HashSet<string> SignIn = ["POST /api/v1/auth/login", "POST /api/v1/portal/magic-links", "POST /api/v1/portal/session"];

    private readonly PortalFactory _app;

    public InputLimitTests(PortalFactory app) => _app = app;

    [Fact]
    public async Task EveryStringAndListInARequestBody_HasADocumentedLimit()
    {
        var api = await ApiDescription.LoadAsync(_app.CreateClient());

        var unbounded =
            from operation in api.Operations
            where operation.Body is not null
            from field in api.Fields(operation.Body!)
            where IsUnbounded(field.Schema)
            select $"{operation} {string.Join('.', field.Path)}";

        Assert.Empty(unbounded.Distinct());
    }

    [Fact]
    public async Task AValueOnePastItsLimit_IsRefusedAtEveryEndpoint_AndNothingIsStored()
    {
        var (world, generator, cases) = await CasesAsync((field, schema) =>
            schema["maxLength"] is { } maxLength ? $"\"{new string('x', maxLength.GetValue<int>() + 1)}\""
            : schema["maxItems"] is { } maxItems ? $"[{string.Join(',', Enumerable.Repeat("null", maxItems.GetValue<int>() + 1))}]"
            : null);

        var failures = await RefusedAsync(world, cases, generator);

        Assert.True(cases.Count > 100, $"Only {cases.Count} limits were found in the OpenAPI document.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} values past their limit were not refused:\n" + string.Join("\n", failures));
    }

    [Theory]
    [InlineData("right-to-left override", "\"Invoice\\u202Efdp.exe\"")]
    [InlineData("first strong isolate", "\"Maria\\u2068 Silva\"")]
    [InlineData("NUL", "\"Maria\\u0000Silva\"")]
    [InlineData("escape", "\"Maria\\u001B[31mSilva\"")]
    public async Task TextWithAControlOrBidiOverrideCharacter_IsRefusedInEveryStringField_AndNothingIsStored(string what, string value)
    {
        // Passwords are hashed, never shown: any character may be in one.
        var (world, generator, cases) = await CasesAsync((field, schema) => ApiDescription.TypeOf(schema) == "string" && field != "password" && schema["format"] is null ? value : null);

        var failures = await RefusedAsync(world, cases, generator);

        Assert.True(cases.Count > 50, $"Only {cases.Count} string fields were found in the OpenAPI document.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} fields took a {what}:\n" + string.Join("\n", failures));
    }

    /// <summary>For every field of every body that <paramref name="badValue"/> has a value for: that operation's plausible request with it.</summary>
    private async Task<(InputWorld World, RequestGenerator Generator, List<(GeneratedRequest Request, JsonObject Field)> Cases)> CasesAsync(Func<string, JsonObject, string?> badValue)
    {
        var world = await InputWorld.CreateAsync(_app);
        var api = await ApiDescription.LoadAsync(world.Client);
        var generator = new RequestGenerator(api, world);
        var cases = (
            from operation in api.Operations
            where operation.Body is not null && !SignIn.Contains(operation.ToString())
            from field in generator.Fields(operation.Body!)
            let value = badValue(field.Path[^1], field.Schema)
            where value is not null
            select (generator.WithValue(operation, field.Path, value, string.Join('.', field.Path)), field.Schema)).ToList();
        return (world, generator, cases);
    }

    /// <summary>
    /// Sends each case and says which were not refused with 400 or 413 (or 404 for an id, which some endpoints answer
    /// for an id that names nothing, so that ids cannot be probed), or which stored something although refused.
    /// </summary>
    private async Task<List<string>> RefusedAsync(InputWorld world, List<(GeneratedRequest Request, JsonObject Field)> cases, RequestGenerator generator)
    {
        var failures = new List<string>();
        foreach (var (request, field) in cases)
        {
            var before = await StoredRows.ReadAsync(_app);
            using var response = await world.Client.SendAsync(request.ToMessage());
            var stored = StoredRows.Difference(before, await StoredRows.ReadAsync(_app));
            var isId = field["maxLength"]?.GetValue<int>() == InputLimits.Id;
            if (response.StatusCode is not (HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge) && !(isId && response.StatusCode == HttpStatusCode.NotFound))
                failures.Add($"{(int)response.StatusCode} {request.Operation} {request.Input}: {Snippet(await response.Content.ReadAsStringAsync())}");
            else if (stored.Length > 0)
                failures.Add($"{(int)response.StatusCode} {request.Operation} {request.Input} stored: {Snippet(stored)}");
        }
        return failures;
    }

    // Strings with a format (dates, times) are parsed into fixed-size values; an enum lists its values.
    private static bool IsUnbounded(JsonObject schema) => ApiDescription.TypeOf(schema) switch
    {
        "string" => schema["maxLength"] is null && schema["enum"] is null && schema["format"] is null && schema["pattern"] is null,
        "array" => schema["maxItems"] is null,
        _ => false,
    };

    private static string Snippet(string text) => text.Length > 300 ? text[..300] + "..." : text;
}

using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Inputs;

/// <summary>
/// Thousands of requests generated from the OpenAPI document (<see cref="RequestGenerator"/>): bad input of every kind
/// at every endpoint must be answered 4xx, never 5xx; a client's mistake is never the server's error.
/// </summary>
public sealed class GeneratedInputTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory _app;

    public GeneratedInputTests(PortalFactory app) => _app = app;

    [Fact]
    public async Task BadInputAtEveryEndpoint_NeverGetsA5xx()
    {
        var world = await InputWorld.CreateAsync(_app);
        var api = await ApiDescription.LoadAsync(world.Client);
        var generator = new RequestGenerator(api, world);
        var failures = new List<string>();
        var sent = 0;

        // Deletions last, so the world's ticket, series and token are there for everything else.
        foreach (var operation in api.Operations.OrderBy(o => o.Method == "DELETE"))
        {
            foreach (var request in generator.For(operation))
            {
                sent++;
                try
                {
                    using var response = await world.Client.SendAsync(request.ToMessage());
                    if ((int)response.StatusCode >= 500)
                        failures.Add($"{(int)response.StatusCode} {request}: {Snippet(await response.Content.ReadAsStringAsync())}");
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException or InvalidOperationException)
                {
                    failures.Add($"exception {request}: {Snippet(ex.ToString())}");
                }
            }
        }

        Assert.True(sent > 2_000, $"Only {sent} requests were generated: is the OpenAPI document complete?");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests failed:\n" + string.Join("\n", failures));
    }

    private static string Snippet(string text) => text.Length > 300 ? text[..300] + "..." : text;
}

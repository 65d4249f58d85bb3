using System.Net;
using System.Text.Json;

namespace OrleansPortal.Web.Tests.Infrastructure;

/// <summary>Bodies as a client sends them, and the 400 ValidationProblem answer that names the field a bad one got wrong.</summary>
public static class ValidationProblems
{
    public static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");

    public static async Task AssertNamesFieldAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem.RootElement}");
    }
}

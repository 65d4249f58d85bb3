using System.Net;
using System.Net.Http.Json;
using OrleansPortal.Web.Technicians;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Technicians;

/// <summary>GET /api/v1/technicians pages the company's roster by name; the body stays the array it always was.</summary>
public sealed class TechnicianListApiTests(CompanyFixture fixture) : IClassFixture<CompanyFixture>
{
    [Fact]
    public async Task Listing_PagesByName_AndTheLinkHeaderLeadsThroughEveryTechnicianOnce()
    {
        var company = await TenantScenario.CreateAsync(fixture.App);
        string[] names = ["delfim", "Beatriz", "ana", "Carlos", "Eva"];
        foreach (var name in names) await company.AddTechnicianAsync(name);

        var listed = new List<TechnicianDto>();
        var pages = 0;
        for (var next = "/api/v1/technicians?limit=2"; next is not null; pages++)
        {
            Assert.True(pages < names.Length, "the Link header never ends");
            using var response = await company.Dispatcher.GetAsync(next);
            response.EnsureSuccessStatusCode();
            listed.AddRange((await response.Content.ReadFromJsonAsync<TechnicianDto[]>(ApiJson.Options))!);
            next = NextLink(response);
        }

        Assert.Equal(3, pages);
        Assert.Equal(["ana", "Beatriz", "Carlos", "delfim", "Eva"], listed.Select(t => t.Name));
        Assert.All(listed, t => Assert.Equal(["irrigation"], t.Skills)); // full records, as before paging
    }

    [Fact]
    public async Task WithoutALimit_ASmallCompanyGetsItsWholeListOnOnePage_WithoutALink()
    {
        var company = await TenantScenario.CreateAsync(fixture.App);
        await company.AddTechnicianAsync("Zé");
        await company.AddTechnicianAsync("Ana");

        using var response = await company.Dispatcher.GetAsync("/api/v1/technicians");

        Assert.Equal(["Ana", "Zé"], (await response.Content.ReadFromJsonAsync<TechnicianDto[]>(ApiJson.Options))!.Select(t => t.Name));
        Assert.Null(NextLink(response));
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=501")]
    [InlineData("after=Tomás")]
    public async Task ABadPageRequest_IsAValidationProblem(string query)
    {
        using var response = await fixture.Company.Dispatcher.GetAsync($"/api/v1/technicians?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PagingOnFromAnotherCompanysTechnician_ListsNothingOfEither()
    {
        var a = await TenantScenario.CreateAsync(fixture.App, "A");
        var b = await TenantScenario.CreateAsync(fixture.App, "B");
        await a.AddTechnicianAsync("Ana");
        var theirs = await b.AddTechnicianAsync("Bea");
        await b.AddTechnicianAsync("Bruno");

        var listed = await a.Dispatcher.GetFromJsonAsync<TechnicianDto[]>($"/api/v1/technicians?after={theirs.Id}", ApiJson.Options);

        Assert.Empty(listed!);
    }

    [Fact]
    public async Task TheCompanysInfo_CountsItsTechnicians()
    {
        var company = await TenantScenario.CreateAsync(fixture.App);
        for (var i = 0; i < 3; i++) await company.AddTechnicianAsync($"Tech {i}");

        var info = await company.Dispatcher.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/company");

        Assert.Equal(3, info.GetProperty("technicians").GetInt32());
        Assert.Equal(1, info.GetProperty("dispatchers").GetInt32());
    }

    private static string? NextLink(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Link", out var values) && values.Single() is var link && link.EndsWith("rel=\"next\"", StringComparison.Ordinal)
            ? link[1..link.IndexOf('>', StringComparison.Ordinal)]
            : null;
}

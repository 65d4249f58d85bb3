using System.Net.Http.Json;
using OrleansPortal.Web.Geocoding;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Geocoding;

/// <summary>The test app runs without an extract ("Routing:Extract" is "none"): the geocoder says it is unavailable rather than failing.</summary>
public sealed class GeocodingUnavailableTests(CompanyFixture fixture) : IClassFixture<CompanyFixture>
{
    [Theory]
    [InlineData("/api/v1/geocode?q=rua%20de%20santa%20catarina")]
    [InlineData("/api/v1/geocode/reverse?latitude=41.149&longitude=-8.606")]
    public async Task WithoutAnExtract_TheAnswerIsAnEmptyList_MarkedUnavailable(string url)
    {
        var result = await fixture.Company.Dispatcher.GetFromJsonAsync<GeocodeResultDto>(url, ApiJson.Options);

        Assert.False(result!.Available);
        Assert.Empty(result.Suggestions);
    }
}

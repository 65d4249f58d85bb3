using System.Net;
using System.Net.Http.Json;
using OrleansPortal.Web.Geocoding;
using OrleansPortal.Web.Properties;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Geocoding;

public sealed class GeocodingApiTests(GeocodingFixture fixture) : IClassFixture<GeocodingFixture>
{
    private readonly HttpClient _dispatcher = fixture.Company.Dispatcher;

    [Fact]
    public async Task WhatADispatcherTypes_WithoutAccents_GivesTheHouseWithItsPosition()
    {
        var result = await GeocodeAsync("rua de sao joao 7");

        Assert.True(result.Available);
        var house = result.Suggestions[0];
        Assert.Equal(("Rua de São João 7, Porto", "7", "House"), (house.Label, house.HouseNumber, house.Precision));
        Assert.Equal(GeocodingFixture.House7.Latitude, house.Location.Latitude, 6);
        Assert.Equal(GeocodingFixture.House7.Longitude, house.Location.Longitude, 6);
    }

    [Fact]
    public async Task ANumberTheMapDoesNotHave_GivesThePointOnTheStreet_AndSaysSo()
    {
        var street = (await GeocodeAsync("Santa Cat 12")).Suggestions[0];

        Assert.Equal(("Rua de Santa Catarina 12, 4000-443 Porto", "Street"), (street.Label, street.Precision));
        Assert.InRange(street.Location.Latitude, 41.1460, 41.1500);
    }

    [Fact]
    public async Task ASuggestionsPosition_BecomesThePropertysLocation()
    {
        var customer = await CustomerScenario.CreateAsync(fixture.Company);
        var chosen = (await GeocodeAsync("santa catarina 312")).Suggestions[0];

        var response = await _dispatcher.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/properties", new { name = "Shop", address = chosen.Label, location = chosen.Location, accessNotes = "Gate code 4321" });

        response.EnsureSuccessStatusCode();
        var property = (await response.Content.ReadFromJsonAsync<PropertyDto>(ApiJson.Options))!;
        Assert.Equal(("Rua de Santa Catarina 312, 4000-443 Porto", chosen.Location), (property.Address, property.Location));
    }

    [Fact]
    public async Task TheLimitIsKept()
    {
        Assert.Single((await GeocodeAsync("rua", limit: 1)).Suggestions);
        Assert.Equal(2, (await GeocodeAsync("rua")).Suggestions.Count);
    }

    [Fact]
    public async Task Reverse_FindsTheHouseAtAPoint_AndNothingAtSea()
    {
        var near = await _dispatcher.GetFromJsonAsync<GeocodeResultDto>("/api/v1/geocode/reverse?latitude=41.14112&longitude=-8.61078", ApiJson.Options);
        var atSea = await _dispatcher.GetFromJsonAsync<GeocodeResultDto>("/api/v1/geocode/reverse?latitude=41.15&longitude=-8.75", ApiJson.Options);

        Assert.Equal("Rua de São João 7, Porto", Assert.Single(near!.Suggestions).Label);
        Assert.True(atSea!.Available);
        Assert.Empty(atSea.Suggestions);
    }

    [Theory]
    [InlineData("/api/v1/geocode", "q")]
    [InlineData("/api/v1/geocode?q=", "q")]
    [InlineData("/api/v1/geocode?q=%20%20", "q")]
    [InlineData("/api/v1/geocode?q=rua%1B%5B31m", "q")]
    [InlineData("/api/v1/geocode?q=rua&limit=0", "limit")]
    [InlineData("/api/v1/geocode?q=rua&limit=21", "limit")]
    [InlineData("/api/v1/geocode/reverse?latitude=91&longitude=0", "latitude")]
    [InlineData("/api/v1/geocode/reverse?latitude=41", "longitude")]
    public async Task BadInput_IsRefusedWithTheField(string url, string field)
    {
        var response = await _dispatcher.GetAsync(url);

        await ValidationProblems.AssertNamesFieldAsync(response, field);
    }

    [Fact]
    public async Task AQueryLongerThanAnAddress_IsRefused()
    {
        var response = await _dispatcher.GetAsync($"/api/v1/geocode?q={new string('a', 301)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OnlyDispatchers_MayGeocode()
    {
        var anonymous = fixture.App.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/geocode?q=rua")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/geocode/reverse?latitude=41.14&longitude=-8.61")).StatusCode);
    }

    private async Task<GeocodeResultDto> GeocodeAsync(string q, int? limit = null) =>
        (await _dispatcher.GetFromJsonAsync<GeocodeResultDto>($"/api/v1/geocode?q={Uri.EscapeDataString(q)}{(limit is null ? "" : $"&limit={limit}")}", ApiJson.Options))!;
}

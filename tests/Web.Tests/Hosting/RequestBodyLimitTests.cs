using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using OrleansPortal.Grains;
using OrleansPortal.Web.Tests.Chat;
using OrleansPortal.Web.Tests.Infrastructure;
using OrleansPortal.Web.Documents;
using OrleansPortal.Web.Tests.Inputs;
using OrleansPortal.Web.Tickets;

namespace OrleansPortal.Web.Tests.Hosting;

/// <summary>
/// Request bodies are capped per endpoint by Kestrel itself (the in-memory test server has no such limit, so these run
/// on a real socket): JSON endpoints take 64 KB, and a larger body is answered 413 with a problem saying the limit,
/// whether or not it declared its length, and nothing is stored. Uploads take more.
/// </summary>
public sealed class RequestBodyLimitTests : IAsyncLifetime
{
    // Small, so that a photo past its endpoint's limit (this and 64 KB for the form) is a small body.
    private const int PhotoBytes = 16 * 1024;

    private readonly PortalFactory _app = new();
    private TenantScenario _company = null!;

    public async Task InitializeAsync()
    {
        _app.Settings["Documents:MaxPhotoBytes"] = PhotoBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _app.StartOnLoopback();
        _company = await TenantScenario.CreateAsync(_app);
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AJsonBodyPastTheLimit_Is413_WithAProblemNamingTheLimit_AndStoresNothing()
    {
        var before = await StoredRows.ReadAsync(_app);

        var response = await _company.Dispatcher.PostAsync("/api/v1/customers", Json(InputLimits.JsonBodyBytes + 1));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("64 KB", await response.Content.ReadAsStringAsync());
        Assert.Empty(StoredRows.Difference(before, await StoredRows.ReadAsync(_app)));
    }

    [Fact]
    public async Task AChunkedJsonBodyPastTheLimit_Is413_Too()
    {
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(Body(InputLimits.JsonBodyBytes * 2))));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/customers") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await _company.Dispatcher.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AJsonBodyJustUnderTheLimit_IsRead()
    {
        // Valid JSON of nearly 64 KB whose name is too long: refused for the name (400), so the body was read whole.
        var response = await _company.Dispatcher.PostAsync("/api/v1/customers", Json(InputLimits.JsonBodyBytes));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"name\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnUploadTakesMoreThanAJsonBody()
    {
        var (_, contact, _, jobId) = await ChatScenario.CustomerWithJobAsync(_company);
        var image = ChatScenario.Png(InputLimits.JsonBodyBytes * 3);

        var response = await contact.PostAsync($"/api/v1/portal/conversations/{ChatScenario.Job(jobId)}/messages", ChatScenario.Form("the leak", ("leak.png", image, "image/png")));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task AChunkedUploadPastItsLimit_Is413_WithAProblem_AndAddsNoPhoto()
    {
        var site = await _company.SiteAsync();
        var created = await _company.Dispatcher.PostAsJsonAsync("/api/v1/tickets", new
        {
            customerId = site.CustomerId, propertyId = site.PropertyId, location = new { latitude = 41.149, longitude = -8.606 }, address = "Rua de Santa Catarina 1, Porto", estimatedMinutes = 60,
        });
        var ticketId = (await created.Content.ReadFromJsonAsync<TicketDto>(ApiJson.Options))!.Id;
        var form = new MultipartFormDataContent();
        var photo = new StreamContent(new MemoryStream(ChatScenario.Png(PhotoBytes + InputLimits.JsonBodyBytes + 1024)));
        photo.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(photo, "photo", "leak.png");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/tickets/{ticketId}/report/photos") { Content = form };
        request.Headers.TransferEncodingChunked = true;

        var response = await _company.Dispatcher.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("The request body is too large.", await response.Content.ReadAsStringAsync());
        Assert.Empty((await _company.Dispatcher.GetFromJsonAsync<JobReportDto>($"/api/v1/tickets/{ticketId}/report", ApiJson.Options))!.Photos);
    }

    /// <summary>A customer whose name fills the body to exactly <paramref name="bytes"/> bytes.</summary>
    private static StringContent Json(int bytes) => new(Body(bytes), Encoding.UTF8, "application/json");

    private static string Body(int bytes)
    {
        const string start = "{\"kind\":\"Residential\",\"name\":\"", end = "\"}";
        return start + new string('x', bytes - start.Length - end.Length) + end;
    }
}

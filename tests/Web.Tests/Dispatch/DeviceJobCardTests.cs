using System.Net;
using System.Net.Http.Json;
using OrleansPortal.Web.Tests.Documents;
using OrleansPortal.Web.Tests.Infrastructure;
using OrleansPortal.Web.Tickets;
using SkiaSharp;
using static OrleansPortal.Web.Tests.Dispatch.DispatchScenario;

namespace OrleansPortal.Web.Tests.Dispatch;

/// <summary>
/// The job card on the technician's phone: whom to call, how to get in (the gate code), and the photos as thumbnails an
/// img element can load without the device token, for as long as the device is active and the job is its technician's.
/// </summary>
public sealed class DeviceJobCardTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    private static async Task<DeviceJobDto> JobAsync(HttpClient device) => Assert.Single(await JobsAsync(device));

    private async Task<(DispatchScenario Day, string Technician, string DeviceId, HttpClient Device, TicketDto Job)> AssignedJobAsync()
    {
        var day = await CreateAsync(app);
        var technician = await day.AddTechnicianAsync("Gil Gardener", ["irrigation"], Ribeira);
        var issued = await day.Company.IssueTokenAsync(technician);
        var device = day.Device(issued.Token);
        var job = await day.AddJobAsync("Fix the pump", Campanha, window: (1, 2));
        await Eventually.TrueAsync(async () => (await JobsAsync(device)).Count == 1, "the job is on the technician's route");
        return (day, technician, issued.DeviceId, device, job);
    }

    [Fact]
    public async Task TheCard_NamesTheCustomer_ThePersonToCall_AndTheSitesAccessNotes()
    {
        var (day, _, _, device, _) = await AssignedJobAsync();
        var site = await day.Company.SiteAsync();
        async Task AddContactAsync(string name, string role, string? phone, params string[] granted) =>
            (await day.Dispatcher.PostAsJsonAsync($"/api/v1/customers/{site.CustomerId}/contacts",
                new { name, email = DocumentScenario.UniqueEmail(), phone, role, grantedPropertyIds = granted })).EnsureSuccessStatusCode();
        await AddContactAsync("Ana Accounts", "AccountsPayable", "+351 912 000 003");
        await AddContactAsync("Maria Owner", "Owner", "+351 912 000 001");

        var card = await JobAsync(device);
        await AddContactAsync("Paulo Manager", "PropertyManager", "+351 912 000 002", site.PropertyId);
        var withManager = await JobAsync(device);

        // Phones are kept in E.164, however they were typed.
        Assert.Equal(("Walk-in customers", "Maria Owner", "+351912000001"), (card.Customer!.Name, card.Customer.ContactName, card.Customer.Phone));
        Assert.Equal(("Paulo Manager", "+351912000002"), (withManager.Customer!.ContactName, withManager.Customer.Phone)); // the site's own manager first
        Assert.Equal(("Home", "Rua de Santa Catarina 1, Porto", "Gate code 1234"), (card.Property!.Name, card.Property.Address, card.Property.AccessNotes));
        Assert.Empty(card.Photos);
    }

    [Fact]
    public async Task Photos_ComeAsThumbnailsAndWholePhotos_ThatLoadWithoutTheToken()
    {
        var (_, _, _, device, job) = await AssignedJobAsync();
        var photo = TestImages.Jpeg(1200, 800);
        (await DocumentScenario.PostPhotoAsync(device, $"/api/v1/device/jobs/{job.Id}/photos", photo, "pump.jpg", "image/jpeg", caption: "the pump")).EnsureSuccessStatusCode();

        var listed = Assert.Single((await JobAsync(device)).Photos);
        var again = Assert.Single((await JobAsync(device)).Photos);
        var browser = app.CreateClient(); // an img element: no Authorization header
        using var thumbnail = await browser.GetAsync(listed.ThumbnailUrl);
        using var whole = await browser.GetAsync(listed.Url);

        Assert.Equal("the pump", listed.Caption);
        Assert.Equal(listed.ThumbnailUrl, again.ThumbnailUrl); // the same address on the next refresh, so the phone's cache keeps the picture
        Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);
        Assert.Equal("image/jpeg", thumbnail.Content.Headers.ContentType?.MediaType);
        using (var small = SKBitmap.Decode(await thumbnail.Content.ReadAsByteArrayAsync()))
        {
            // At most 320 px long (JPEG decodes by eighths, so it may come out a little smaller), in the photo's proportions.
            Assert.InRange(small.Width, 240, 320);
            Assert.Equal(small.Width * 2 / 3.0, small.Height, 0.5);
        }
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        using (var big = SKBitmap.Decode(await whole.Content.ReadAsByteArrayAsync()))
            Assert.Equal((1200, 800), (big.Width, big.Height));
        var report = (await device.GetFromJsonAsync<OrleansPortal.Web.Documents.JobReportDto>($"/api/v1/device/jobs/{job.Id}/report", ApiJson.Options))!;
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(Assert.Single(report.Photos).Url)).StatusCode); // the report's photos load too
    }

    [Fact]
    public async Task APhotoAddress_OpensNothingElse_AndNothingOnceTheDeviceIsRevoked()
    {
        var (day, technician, deviceId, device, job) = await AssignedJobAsync();
        (await DocumentScenario.PostPhotoAsync(device, $"/api/v1/device/jobs/{job.Id}/photos", TestImages.Jpeg(640, 480), "pump.jpg", "image/jpeg")).EnsureSuccessStatusCode();
        (await DocumentScenario.PostPhotoAsync(device, $"/api/v1/device/jobs/{job.Id}/photos", TestImages.Jpeg(640, 480), "valve.jpg", "image/jpeg")).EnsureSuccessStatusCode();
        var photos = (await JobAsync(device)).Photos;
        var browser = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(photos[0].ThumbnailUrl)).StatusCode);

        var otherPhoto = photos[0].ThumbnailUrl.Replace(photos[0].Id, photos[1].Id); // a grant names its photo
        var tampered = photos[0].ThumbnailUrl[..^4] + (photos[0].ThumbnailUrl.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        var noGrant = photos[0].ThumbnailUrl[..photos[0].ThumbnailUrl.IndexOf("&grant=", StringComparison.Ordinal)];
        foreach (var url in new[] { otherPhoto, tampered, noGrant })
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(url)).StatusCode);

        (await day.Dispatcher.DeleteAsync($"/api/v1/technicians/{technician}/devices/{deviceId}")).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(photos[0].ThumbnailUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(photos[0].Url)).StatusCode);
    }
}

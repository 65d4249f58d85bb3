using System.Net;
using System.Net.Http.Json;
using OrleansPortal.Web.Chat;
using OrleansPortal.Web.Documents;
using OrleansPortal.Web.Tests.Documents;
using OrleansPortal.Web.Tests.Infrastructure;
using static OrleansPortal.Web.Tests.Chat.ChatScenario;

namespace OrleansPortal.Web.Tests.Uploads;

/// <summary>
/// Every path that takes an image (the technician's phone, the office's report photos, the customer's service request
/// photos, portal and team chat) stores only what decodes, re-encoded without metadata, and every path that serves one
/// back names it and forbids sniffing.
/// </summary>
public sealed class UploadedImageTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    private const string Portal = ChatMessageMapping.PortalBase;
    private const string Team = ChatMessageMapping.TeamBase;

    [Fact]
    public async Task FilesThatOnlyStartLikeAnImage_AreRefusedWith400_OnEveryUploadPath_AndNothingIsStored()
    {
        var (s, job) = await JobAsync();
        byte[][] polyglots =
        [
            [.. TestImages.Png()[..8], .. "<html><body><script>alert(document.cookie)</script></body></html>"u8],
            [.. TestImages.Png()[..8], .. "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"u8],
            [.. TestImages.Jpeg()[..4], .. "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"u8],
        ];

        foreach (var upload in Uploads(s, job))
            foreach (var polyglot in polyglots)
            {
                var response = await upload.PostAsync(polyglot, "cat.png");
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{upload.Path}: {response.StatusCode}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Contains("not an image we can read", await response.Content.ReadAsStringAsync());
            }

        Assert.Empty((await s.Dispatcher.GetFromJsonAsync<JobReportDto>($"/api/v1/tickets/{job}/report", ApiJson.Options))!.Photos);
        Assert.Empty((await s.Dispatcher.PageAsync(Team, Job(job))).Messages);
    }

    [Fact]
    public async Task APhonePhotoWithGps_IsServedWithoutItsMetadata_Upright_UnderANameWeChose_WithNosniff()
    {
        var (s, job) = await JobAsync();
        // 40 x 20 as the sensor stored it, orientation 6: a phone held upright, so people see it 20 x 40.
        var photo = TestImages.Jpeg(40, 20).WithExif(orientation: 6);
        Assert.Contains((byte)0xE1, TestImages.JpegMarkers(photo)); // the upload does carry EXIF

        foreach (var upload in Uploads(s, job))
            Assert.True((await upload.PostAsync(photo, "IMG_0001.jpg")).IsSuccessStatusCode, upload.Path);

        var served = await ServedAsync(s, job);
        Assert.Equal(3 * 2 + 2 * 2, served.Count); // report photos for the office and the customer; chat images for both sides
        foreach (var (id, response) in served)
        {
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal($"photo-{id}.jpg", response.Content.Headers.ContentDisposition?.FileName);
            Assert.DoesNotContain((byte)0xE1, TestImages.JpegMarkers(bytes));
            Assert.True(bytes.AsSpan().IndexOf("Exif"u8) < 0, "no EXIF anywhere in the served bytes");
            using var picture = TestImages.Decode(bytes);
            Assert.Equal((20, 40), (picture!.Width, picture.Height));
            Assert.True(TestImages.IsRed(picture.GetPixel(15, 10)), "the red corner is top right once upright");
        }
    }

    [Fact]
    public async Task AnImageClaimingHugeDimensions_IsRefusedFromItsHeader_OnEveryUploadPath()
    {
        var (s, job) = await JobAsync();
        // A few dozen bytes claiming 900 megapixels: decoding them would ask for 3.6 GB.
        var bomb = TestImages.PngClaiming(30_000, 30_000);

        foreach (var upload in Uploads(s, job))
        {
            var response = await upload.PostAsync(bomb, "bomb.png");
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{upload.Path}: {response.StatusCode}");
            Assert.Contains("30000 x 30000 pixels", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task AValidImageWithHtmlAfterIt_IsStoredWithoutTheHtml()
    {
        var (s, job) = await JobAsync();
        byte[] smuggler = [.. TestImages.Png(), .. "<html><script>alert(document.cookie)</script></html>"u8];

        foreach (var upload in Uploads(s, job))
            Assert.True((await upload.PostAsync(smuggler, "cat.png")).IsSuccessStatusCode, upload.Path);

        foreach (var (_, response) in await ServedAsync(s, job))
            Assert.True((await response.Content.ReadAsByteArrayAsync()).AsSpan().IndexOf("<script>"u8) < 0);
    }

    [Fact]
    public async Task ChatImages_AreNamedByUs_NeverByTheClient()
    {
        var (s, job) = await JobAsync();
        var posts = new[]
        {
            await s.Owner.PostAsync($"{Portal}/{Job(job)}/messages", Form("see", ("x.svg", TestImages.Png(), "image/svg+xml"))),
            await s.Dispatcher.PostAsync($"{Team}/{Job(job)}/messages", Form("see", ("../../x.svg", TestImages.Png(), "image/svg+xml"))),
        };

        foreach (var post in posts)
        {
            Assert.Equal(HttpStatusCode.Created, post.StatusCode);
            var attachment = (await post.Content.ReadFromJsonAsync<ChatMessageDto>(ApiJson.Options))!.Attachments.Single();
            Assert.Equal($"photo-{attachment.Id}.jpg", attachment.FileName);
        }
        foreach (var (id, response) in await ServedAsync(s, job))
            Assert.Equal($"photo-{id}.jpg", response.Content.Headers.ContentDisposition?.FileName);
        var page = await s.Owner.PageAsync(Portal, Job(job));
        Assert.DoesNotContain(page.Messages.SelectMany(m => m.Attachments), a => a.FileName.Contains("svg", StringComparison.Ordinal));
    }

    /// <summary>A new company, customer (signed-in owner) and technician with an open job assigned to the technician.</summary>
    private async Task<(DocumentScenario Scenario, string Job)> JobAsync()
    {
        var s = await DocumentScenario.CreateAsync(app, $"Uploads {Guid.NewGuid():N}");
        return (s, await s.AddAssignedJobAsync());
    }

    /// <summary>Every way to upload an image to a job: as multipart field "photo" for reports, "files" for chat.</summary>
    private static Upload[] Uploads(DocumentScenario s, string job) =>
    [
        new($"/api/v1/device/jobs/{job}/photos", (bytes, name) => DocumentScenario.PostPhotoAsync(s.Device, $"/api/v1/device/jobs/{job}/photos", bytes, name)),
        new($"/api/v1/tickets/{job}/report/photos", (bytes, name) => DocumentScenario.PostPhotoAsync(s.Dispatcher, $"/api/v1/tickets/{job}/report/photos", bytes, name)),
        new($"/api/v1/portal/jobs/{job}/photos", (bytes, name) => DocumentScenario.PostPhotoAsync(s.Owner, $"/api/v1/portal/jobs/{job}/photos", bytes, name)),
        new($"{Portal}/{Job(job)}/messages", (bytes, name) => s.Owner.PostAsync($"{Portal}/{Job(job)}/messages", Form("", (name, bytes, "image/png")))),
        new($"{Team}/{Job(job)}/messages", (bytes, name) => s.Dispatcher.PostAsync($"{Team}/{Job(job)}/messages", Form("", (name, bytes, "image/png")))),
    ];

    /// <summary>Every stored image of the job, fetched by each side that may read it: (its id, the response).</summary>
    private static async Task<List<(string Id, HttpResponseMessage Response)>> ServedAsync(DocumentScenario s, string job)
    {
        var office = (await s.Dispatcher.GetFromJsonAsync<JobReportDto>($"/api/v1/tickets/{job}/report", ApiJson.Options))!.Photos;
        var customer = (await s.Owner.GetFromJsonAsync<JobReportDto>($"/api/v1/portal/reports/{job}", ApiJson.Options))!.Photos;
        var teamChat = (await s.Dispatcher.PageAsync(Team, Job(job))).Messages.SelectMany(m => m.Attachments);
        var portalChat = (await s.Owner.PageAsync(Portal, Job(job))).Messages.SelectMany(m => m.Attachments);
        var served = new List<(string, HttpResponseMessage)>();
        foreach (var (client, id, url) in office.Select(p => (s.Dispatcher, p.Id, p.Url)).Concat(customer.Select(p => (s.Owner, p.Id, p.Url)))
                     .Concat(teamChat.Select(a => (s.Dispatcher, a.Id, a.Url))).Concat(portalChat.Select(a => (s.Owner, a.Id, a.Url))))
            served.Add((id, await client.GetAsync(url)));
        return served;
    }

    private sealed record Upload(string Path, Func<byte[], string, Task<HttpResponseMessage>> PostAsync);
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using OrleansPortal.Web.Documents;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Documents;

/// <summary>Job reports: the technician's notes and photos from the phone, time on site from the audit trail, the customer's view and download.</summary>
public sealed class JobReportApiTests
{
    [Fact]
    public async Task TechnicianAddsNoteAndPhoto_CustomerSeesThemWithTimeOnSite_AndDownloadsTheReport()
    {
        using var app = new PortalFactory();
        var s = await DocumentScenario.CreateAsync(app);
        var job = await s.AddAssignedJobAsync();
        await s.WorkJobAsync(job);

        var noted = await s.Device.PostAsJsonAsync($"/api/v1/device/jobs/{job}/notes", new { text = "Replaced two heads.\nZone 3 <b>fine</b>." });
        var photographed = await DocumentScenario.PostPhotoAsync(s.Device, $"/api/v1/device/jobs/{job}/photos", DocumentScenario.Png, caption: "New head");

        Assert.Equal(HttpStatusCode.OK, noted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, photographed.StatusCode);
        var report = (await s.Owner.GetFromJsonAsync<JobReportDto>($"/api/v1/portal/reports/{job}", ApiJson.Options))!;
        Assert.Equal("Completed", report.Status);
        Assert.NotNull(report.Arrived);
        Assert.NotNull(report.Departed);
        Assert.True(report.Departed >= report.Arrived);
        Assert.NotNull(report.MinutesOnSite);
        var note = Assert.Single(report.Notes);
        Assert.Equal(("Technician", "Replaced two heads.\nZone 3 <b>fine</b>."), (note.Author, note.Text));
        var photo = Assert.Single(report.Photos);
        Assert.Equal(("image/jpeg", "New head", "Technician"), (photo.ContentType, photo.Caption, photo.Author)); // an opaque PNG is stored as JPEG

        var image = await s.Owner.GetAsync(photo.Url);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", image.Headers.GetValues("X-Content-Type-Options").Single());
        var served = await image.Content.ReadAsByteArrayAsync();
        Assert.Equal(8, TestImages.Decode(served)!.Width);

        var download = await s.Owner.GetAsync($"/api/v1/portal/reports/{job}/download");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.EndsWith(".html", download.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        var html = await download.Content.ReadAsStringAsync();
        Assert.Contains("Zone 3 &lt;b&gt;fine&lt;/b&gt;.", html); // people's text is encoded, never markup
        Assert.Contains("data:image/jpeg;base64," + Convert.ToBase64String(served), html);
        Assert.Contains("Acme Irrigation", html);

        var documents = (await s.Owner.GetFromJsonAsync<PortalDocumentsDto>("/api/v1/portal/documents", ApiJson.Options))!;
        var summary = Assert.Single(documents.Reports);
        Assert.Equal((job, 1, 1), (summary.TicketId, summary.Notes, summary.Photos));
    }

    [Fact]
    public async Task BadPhotosAndNotes_AreRefusedWith400_AndNothingIsAdded()
    {
        using var app = new PortalFactory();
        app.Settings["Documents:MaxPhotoBytes"] = "1024";
        var s = await DocumentScenario.CreateAsync(app);
        var job = await s.AddAssignedJobAsync();
        var photos = $"/api/v1/device/jobs/{job}/photos";

        var refusals = new[]
        {
            await DocumentScenario.PostPhotoAsync(s.Device, photos, Encoding.UTF8.GetBytes("<script>alert(1)</script>"), "evil.jpg", "image/jpeg"),
            await DocumentScenario.PostPhotoAsync(s.Device, photos, [0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0, 0], "anim.gif", "image/gif"),
            await DocumentScenario.PostPhotoAsync(s.Device, photos, [.. DocumentScenario.Png, .. new byte[2048]]), // over the 1 KB limit set above
            await DocumentScenario.PostPhotoAsync(s.Device, photos, DocumentScenario.Png, caption: new string('c', 301)),
            await s.Device.PostAsync(photos, new MultipartFormDataContent { { new StringContent("no file"), "caption" } }),
            await s.Device.PostAsJsonAsync(photos, new { photo = "iVBOR..." }),
            await s.Device.PostAsJsonAsync($"/api/v1/device/jobs/{job}/notes", new { text = "  " }),
            await s.Device.PostAsJsonAsync($"/api/v1/device/jobs/{job}/notes", new { text = new string('n', 4_001) }),
            await s.Dispatcher.PostAsJsonAsync($"/api/v1/tickets/{job}/report/notes", new { text = "" }),
            await DocumentScenario.PostPhotoAsync(s.Dispatcher, $"/api/v1/tickets/{job}/report/photos", Encoding.UTF8.GetBytes("%PDF-1.7")),
        };

        Assert.All(refusals, r =>
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType!.MediaType);
        });
        Assert.Contains("Only JPEG, PNG and WebP", await refusals[0].Content.ReadAsStringAsync());
        Assert.Contains("at most", await refusals[2].Content.ReadAsStringAsync());
        var report = (await s.Dispatcher.GetFromJsonAsync<JobReportDto>($"/api/v1/tickets/{job}/report", ApiJson.Options))!;
        Assert.Empty(report.Notes);
        Assert.Empty(report.Photos);
    }

    [Fact]
    public async Task PhotosAreStoredAsWhatTheyDecodeTo_WhateverTheirDeclaredType()
    {
        using var app = new PortalFactory();
        var s = await DocumentScenario.CreateAsync(app);
        var job = await s.AddAssignedJobAsync();

        // The declared types are wrong on purpose: the bytes decide. Photos become JPEG; a transparent picture stays PNG.
        (await DocumentScenario.PostPhotoAsync(s.Device, $"/api/v1/device/jobs/{job}/photos", TestImages.WebP(), "a.png", "image/png")).EnsureSuccessStatusCode();
        (await DocumentScenario.PostPhotoAsync(s.Device, $"/api/v1/device/jobs/{job}/photos", TestImages.Jpeg(), "b.txt", "text/html")).EnsureSuccessStatusCode();
        (await DocumentScenario.PostPhotoAsync(s.Device, $"/api/v1/device/jobs/{job}/photos", TestImages.Png(transparent: true), "c.jpg", "image/jpeg")).EnsureSuccessStatusCode();

        var report = (await s.Owner.GetFromJsonAsync<JobReportDto>($"/api/v1/portal/reports/{job}", ApiJson.Options))!;
        Assert.Equal(["image/jpeg", "image/jpeg", "image/png"], report.Photos.Select(p => p.ContentType));
        var served = await s.Owner.GetAsync(report.Photos[2].Url);
        Assert.Equal("image/png", served.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task TechnicianCannotAddToAnotherTechniciansJob_NorAnotherCompanys()
    {
        using var app = new PortalFactory();
        var s = await DocumentScenario.CreateAsync(app);
        var job = await s.AddAssignedJobAsync();
        var colleague = await s.Company.AddTechnicianAsync("Eva Electrician");
        var colleagueDevice = DocumentScenario.DeviceClient(app, (await s.Company.IssueTokenAsync(colleague.Id)).Token);
        var rival = await DocumentScenario.CreateAsync(app, "Rival Gardens");

        foreach (var outsider in new[] { colleagueDevice, rival.Device })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/v1/device/jobs/{job}/notes", new { text = "Not my job" })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await DocumentScenario.PostPhotoAsync(outsider, $"/api/v1/device/jobs/{job}/photos", DocumentScenario.Png)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/device/jobs/{job}/report")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await s.Device.PostAsJsonAsync($"/api/v1/device/jobs/{Guid.NewGuid():N}/notes", new { text = "No such job" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Device.PostAsJsonAsync("/api/v1/device/jobs/..%2Fetc/notes", new { text = "Path" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PostAsJsonAsync($"/api/v1/device/jobs/{job}/notes", new { text = "Anonymous" })).StatusCode);

        // Reassigned to the colleague, the job stops being the first technician's at once.
        (await s.Dispatcher.PostAsJsonAsync($"/api/v1/tickets/{job}/status", new { status = "Assigned", technicianId = colleague.Id })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NotFound, (await s.Device.PostAsJsonAsync($"/api/v1/device/jobs/{job}/notes", new { text = "Too late" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await colleagueDevice.PostAsJsonAsync($"/api/v1/device/jobs/{job}/notes", new { text = "Mine now" })).StatusCode);
        var report = (await s.Dispatcher.GetFromJsonAsync<JobReportDto>($"/api/v1/tickets/{job}/report", ApiJson.Options))!;
        Assert.Equal(["Mine now"], report.Notes.Select(n => n.Text));
    }

    [Fact]
    public async Task DispatcherReadsAndAddsToTheReport_AndTheCustomerSeesTheOfficeAsAuthor()
    {
        using var app = new PortalFactory();
        var s = await DocumentScenario.CreateAsync(app);
        var job = await s.AddAssignedJobAsync();
        (await s.Device.PostAsJsonAsync($"/api/v1/device/jobs/{job}/notes", new { text = "On it." })).EnsureSuccessStatusCode();

        (await s.Dispatcher.PostAsJsonAsync($"/api/v1/tickets/{job}/report/notes", new { text = "Customer called: gate is open." })).EnsureSuccessStatusCode();
        (await DocumentScenario.PostPhotoAsync(s.Dispatcher, $"/api/v1/tickets/{job}/report/photos", DocumentScenario.Png, caption: "From the customer")).EnsureSuccessStatusCode();

        var office = (await s.Dispatcher.GetFromJsonAsync<JobReportDto>($"/api/v1/tickets/{job}/report", ApiJson.Options))!;
        Assert.Equal([$"technician:{s.TechnicianId}", s.Company.Email], office.Notes.Select(n => n.Author));
        Assert.Equal(HttpStatusCode.OK, (await s.Dispatcher.GetAsync(office.Photos[0].Url)).StatusCode);
        Assert.Null(office.Arrived); // not on site yet
        var customer = (await s.Owner.GetFromJsonAsync<JobReportDto>($"/api/v1/portal/reports/{job}", ApiJson.Options))!;
        Assert.Equal(["Technician", "Office"], customer.Notes.Select(n => n.Author));
        Assert.Equal("Office", customer.Photos[0].Author);
        var phone = (await s.Device.GetFromJsonAsync<JobReportDto>($"/api/v1/device/jobs/{job}/report", ApiJson.Options))!;
        Assert.Equal(2, phone.Notes.Count);
    }
}

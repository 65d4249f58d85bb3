using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Documents;

/// <summary>
/// The job report as a PDF, read back with PdfPig: what a customer finds in it (the company, the job, the address, the
/// technician, the times, the notes in order, the photos, page numbers) in their language, and who may download it.
/// </summary>
public sealed partial class JobReportPdfTests
{
    [Fact]
    public async Task APortugueseContact_GetsTheReportInPortuguese_WithNotesInOrder_ThePhoto_AndTheTechnician()
    {
        using var app = new PortalFactory();
        var s = await DocumentScenario.CreateAsync(app, technicianName: "Tomás Ferreira");
        await SetLanguageAsync(s.Owner, "pt");
        var job = await s.AddAssignedJobAsync("Reparar a rega");
        await s.WorkJobAsync(job);
        (await s.Device.PostAsJsonAsync($"/api/v1/device/jobs/{job}/notes", new { text = "Substituí dois aspersores.\nZona 3 a funcionar." })).EnsureSuccessStatusCode();
        (await s.Dispatcher.PostAsJsonAsync($"/api/v1/tickets/{job}/report/notes", new { text = "Cliente avisado por telefone." })).EnsureSuccessStatusCode();
        (await DocumentScenario.PostPhotoAsync(s.Device, $"/api/v1/device/jobs/{job}/photos", TestImages.Jpeg(640, 480), "a.jpg", "image/jpeg", caption: "Aspersor novo")).EnsureSuccessStatusCode();

        var response = await s.Owner.GetAsync($"/api/v1/portal/reports/{job}/report.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Matches(@"^relatorio-servico-\d{4}-\d{2}-\d{2}-reparar-a-rega\.pdf$", response.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        await File.WriteAllBytesAsync(BrowserFixture.ArtifactPath("job-report-pt.pdf"), bytes); // to be looked at, as screenshots are
        var pdf = PdfText.Read(bytes);
        var text = pdf.All;
        Assert.Contains("Acme Irrigation", text);
        Assert.Contains("Relatório do serviço: Reparar a rega", text);
        Assert.Matches(PortugueseDate(), text);
        Assert.Contains("Morada Rua de Santa Catarina 1, Porto", text);
        Assert.Contains("Técnico Tomás", text);
        Assert.DoesNotContain("Ferreira", text); // customers know technicians by first name, as in the portal
        foreach (var label in new[] { "Chegada", "Saída", "Tempo no local", "Notas", "Fotografias", "Aspersor novo", "Página 1 de 1" })
            Assert.Contains(label, text);
        var first = text.IndexOf("Substituí dois aspersores. Zona 3 a funcionar.", StringComparison.Ordinal);
        var second = text.IndexOf("Cliente avisado por telefone.", StringComparison.Ordinal);
        Assert.True(first > 0 && second > first, $"both notes, in the order written: {text}");
        Assert.Contains("· Técnico", text);
        Assert.Contains("· Escritório", text);
        Assert.DoesNotContain(s.Company.Email, text); // the office's notes never show who wrote them
        Assert.Equal(1, pdf.ImagesPerPage.Sum());

        var english = PdfText.Read(await s.Owner.GetByteArrayAsync($"/api/v1/portal/reports/{job}/report.pdf?language=en")).All;
        foreach (var label in new[] { "Job report: Reparar a rega", "Address", "Technician Tomás", "Arrived", "Left", "Time on site", "Page 1 of 1" })
            Assert.Contains(label, english);
    }

    [Fact]
    public async Task ALongReport_RunsOverPages_EachNumbered_AndKeepsEveryWord()
    {
        using var app = new PortalFactory();
        var s = await DocumentScenario.CreateAsync(app);
        var job = await s.AddAssignedJobAsync();
        var notes = Enumerable.Range(1, 30).Select(i => $"Note {i}: " + string.Join(" ", Enumerable.Repeat($"checked-zone-{i} valves and wiring;", 12))).ToList();
        notes.Add("https://example.com/" + new string('x', 300)); // one word wider than the page
        foreach (var note in notes)
            (await s.Device.PostAsJsonAsync($"/api/v1/device/jobs/{job}/notes", new { text = note })).EnsureSuccessStatusCode();

        var pdf = PdfText.Read(await s.Dispatcher.GetByteArrayAsync($"/api/v1/tickets/{job}/report.pdf"));

        var count = pdf.Pages.Count;
        Assert.True(count >= 3, $"30 long notes take more than two pages; got {count}");
        for (var i = 0; i < count; i++) Assert.EndsWith($"Acme Irrigation Page {i + 1} of {count}", pdf.Pages[i]);
        // The text without the footers, which fall between the lines of a note that runs over a page.
        var text = string.Join(" ", pdf.Pages.Select((page, i) => page[..^$" Acme Irrigation Page {i + 1} of {count}".Length]));
        var positions = notes.Take(30).Select(n => text.IndexOf(n, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0, "every note is there whole"));
        Assert.Equal(positions.Order(), positions);
        Assert.Contains(notes[^1], text.Replace(" ", "", StringComparison.Ordinal)); // the long word is broken across lines, not cut
    }

    [Fact]
    public async Task Downloads_AreForTheJobsOwnCustomerAndCompanyOnly()
    {
        using var app = new PortalFactory();
        var s = await DocumentScenario.CreateAsync(app);
        var job = await s.AddAssignedJobAsync();
        await s.WorkJobAsync(job);
        var joneses = await CustomerScenario.CreateAsync(s.Company, "Joneses");
        var jones = await joneses.SignInAsync((await joneses.AddContactAsync(DocumentScenario.UniqueEmail())).Id);
        var rival = await DocumentScenario.CreateAsync(app, "Rival Gardens");
        var portalPdf = $"/api/v1/portal/reports/{job}/report.pdf";
        var officePdf = $"/api/v1/tickets/{job}/report.pdf";

        Assert.Equal(HttpStatusCode.OK, (await s.Owner.GetAsync(portalPdf)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.Dispatcher.GetAsync(officePdf)).StatusCode);
        await AssertNotFoundAsync(await jones.GetAsync(portalPdf));
        await AssertNotFoundAsync(await rival.Owner.GetAsync(portalPdf));
        await AssertNotFoundAsync(await rival.Dispatcher.GetAsync(officePdf));
        await AssertNotFoundAsync(await s.Owner.GetAsync($"/api/v1/portal/reports/{Guid.NewGuid():N}/report.pdf"));
        await AssertNotFoundAsync(await s.Dispatcher.GetAsync($"/api/v1/tickets/{Guid.NewGuid():N}/report.pdf"));
        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(portalPdf)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(officePdf)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await s.Owner.GetAsync(officePdf)).StatusCode); // a customer's cookie opens no office API

        var badLanguage = await s.Owner.GetAsync(portalPdf + "?language=fr");
        Assert.Equal(HttpStatusCode.BadRequest, badLanguage.StatusCode);
        Assert.Equal("application/problem+json", badLanguage.Content.Headers.ContentType!.MediaType);
        Assert.Contains("language", await badLanguage.Content.ReadAsStringAsync());
    }

    private static async Task AssertNotFoundAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    private static async Task SetLanguageAsync(HttpClient contact, string language)
    {
        var on = new { appointments = true, onMyWay = true, marketing = false };
        (await contact.PutAsJsonAsync("/api/v1/portal/preferences", new { email = on, sms = on, quietHours = (object?)null, language })).EnsureSuccessStatusCode();
    }

    [GeneratedRegex(@"\d{1,2} de (janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro) de \d{4}")]
    private static partial Regex PortugueseDate();
}

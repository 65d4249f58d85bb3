using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrleansPortal.Fakes;
using OrleansPortal.Testing;
using OrleansPortal.Web.Admin;
using OrleansPortal.Web.Documents;
using OrleansPortal.Web.Tests.Documents;
using OrleansPortal.Web.Tests.Infrastructure;
using OrleansPortal.Web.Tests.Payments;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>
/// The money page's failed payments, in Chromium: a plan renewal the (fake) Stripe declined is listed as retrying with
/// its next try, the office pauses and resumes it (and is told in words when someone else got there first), and sets
/// the company's retry schedule, a wrong one refused under the field. Business time stands at Monday 5 January 2026, 08:00 UTC.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FailedPaymentsPageTests(BrowserFixture browser) : IAsyncLifetime
{
    private FakeStripe _stripe = null!;

    public async Task InitializeAsync() => _stripe = await FakeStripe.StartAsync();

    public async Task DisposeAsync() => await _stripe.DisposeAsync();

    [Theory]
    [MemberData(nameof(WhatAPersonSees.Sizes), MemberType = typeof(WhatAPersonSees))]
    public async Task TheOffice_SeesAFailedRenewal_PausesAndResumesIt_AndSetsTheRetrySchedule(int width, int height)
    {
        using var app = new PortalFactory { Clock = new ManualTimeProvider() };
        var address = StripeSetup.StartOnLoopback(app, _stripe);
        var s = await DocumentScenario.CreateAsync(app);
        var (_, caseId) = await DunningScenario.FailRenewalAsync(s, _stripe);
        await DunningScenario.WaitForCaseAsync(s.Dispatcher, "/api/v1/dunning", caseId, c => c.Attempts == 1);
        var number = (await s.Dispatcher.GetFromJsonAsync<InvoiceDto>($"/api/v1/invoices/{caseId}", ApiJson.Options))!.Number;

        await using var context = await browser.NewContextAsync(address);
        var page = await OfficePages.SignInAsync(context, s.Company, "/office/money/");
        await page.SetViewportSizeAsync(width, height);
        var problems = new PageProblems(page, $"/api/v1/dunning/{caseId}/pause", "/api/v1/company/payment-retries"); // the 409 and the 400 below

        // The case, newest first: who, which invoice, how much, what kind, its state and the next try (5 January + 3 days).
        var card = page.GetByRole(AriaRole.Region, new() { Name = "Failed payments" });
        var row = card.GetByRole(AriaRole.Row).Filter(new() { HasText = number });
        await Assertions.Expect(row).ToContainTextAsync(new Regex($"Smith household.*{number}.*€25\\.00.*Plan renewal.*Retrying.*1.*8 Jan 2026"));
        await Assertions.Expect(row.GetByRole(AriaRole.Link, new() { Name = "Smith household" })).ToHaveAttributeAsync("href", $"/office/customers/#{s.Customer.Id}");
        var pause = row.GetByRole(AriaRole.Button, new() { Name = $"Pause the retries of {number}" });
        await Assertions.Expect(pause).ToBeVisibleAsync();
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertInsideAsync(pause, card, "the Pause button");
        await WhatAPersonSees.AssertInsideAsync(card.GetByRole(AriaRole.Button, new() { Name = "Save" }), card, "the schedule's Save button");
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "office-failed-payments");

        // Paused at once, with who did it; then resumed, due on its day again.
        await pause.ClickAsync();
        await Assertions.Expect(card.GetByRole(AriaRole.Status).First).ToHaveTextAsync($"The retries of {number} are paused.");
        await Assertions.Expect(row).ToContainTextAsync($"Paused by {s.Company.Email}");
        await Assertions.Expect(row).Not.ToContainTextAsync("8 Jan 2026"); // no retry will come while paused
        var resume = row.GetByRole(AriaRole.Button, new() { Name = $"Resume the retries of {number}" });
        await WhatAPersonSees.AssertInsideAsync(resume, card, "the Resume button");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await card.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath($"office-failed-payments-paused-{width}x{height}.png") });
        await resume.ClickAsync();
        await Assertions.Expect(card.GetByRole(AriaRole.Status).First).ToHaveTextAsync($"The retries of {number} are running again.");
        await Assertions.Expect(row).ToContainTextAsync(new Regex("Retrying.*8 Jan 2026"));

        // Someone else paused it meanwhile: the Pause button here gets a 409, said in words, and the row shows it paused.
        (await s.Dispatcher.PostAsync($"/api/v1/dunning/{caseId}/pause", null)).EnsureSuccessStatusCode();
        await pause.ClickAsync();
        await Assertions.Expect(card.GetByRole(AriaRole.Alert)).ToHaveTextAsync($"{number} could not be paused: its retries are no longer running. The list shows it as it is now.");
        await Assertions.Expect(row).ToContainTextAsync("Paused by");
        await Assertions.Expect(resume).ToBeVisibleAsync();

        // The schedule: the default, changed to 2, 4, saved at the company.
        var days = card.GetByLabel("Retry a failed payment after … days");
        await Assertions.Expect(days).ToHaveValueAsync("3, 5, 7");
        await days.FillAsync("2,4");
        await card.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(card.GetByText("Saved: a failed payment is tried again after 2, 4 days.")).ToBeVisibleAsync();
        await Assertions.Expect(days).ToHaveValueAsync("2, 4");
        Assert.Equal([2, 4], (await s.Dispatcher.GetFromJsonAsync<CompanyDto>("/api/v1/company", ApiJson.Options))!.PaymentRetryDays);

        // Days that go backwards: the server's reason, under the field and tied to it; nothing changes.
        await days.FillAsync("5, 3");
        await card.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(days).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(days).ToHaveAccessibleDescriptionAsync(new Regex("The days must increase \\(for example 3, 5, 7\\)"));
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "office-failed-payments-schedule");
        await card.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath($"office-failed-payments-schedule-card-{width}x{height}.png") });
        Assert.Equal([2, 4], (await s.Dispatcher.GetFromJsonAsync<CompanyDto>("/api/v1/company", ApiJson.Options))!.PaymentRetryDays);

        await page.ReloadAsync();
        await Assertions.Expect(days).ToHaveValueAsync("2, 4");

        // The same in Portuguese, as an office in Porto reads it.
        await page.GetByLabel("Language").SelectOptionAsync("pt");
        var portuguese = page.GetByRole(AriaRole.Region, new() { Name = "Pagamentos falhados" });
        await Assertions.Expect(portuguese.GetByRole(AriaRole.Row).Filter(new() { HasText = number }))
            .ToContainTextAsync(new Regex($"Smith household.*{number}.*25,00\\s€.*Renovação do plano.*Em pausa por"));
        await Assertions.Expect(portuguese.GetByRole(AriaRole.Button, new() { Name = $"Retomar as tentativas de {number}" })).ToBeVisibleAsync();
        await Assertions.Expect(portuguese.GetByLabel("Tentar de novo um pagamento falhado após … dias")).ToHaveValueAsync("2, 4");
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await portuguese.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath($"office-failed-payments-pt-{width}x{height}.png") });
        Assert.Empty(problems.All);
    }
}

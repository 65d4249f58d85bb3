using System.Net.Http.Json;
using OrleansPortal.Web.Notifications.InApp;
using OrleansPortal.Web.Notifications.Timeline;
using OrleansPortal.Web.Portal;
using OrleansPortal.Web.Tests.Documents;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Notifications;

/// <summary>
/// "Estimate ready": the office makes an estimate and the customer's contacts who follow that property hear of it, by
/// email through the real SMTP server and in the portal's bell, in their language, with a link that opens it.
/// </summary>
public sealed class EstimateReadyMessagesTests(MailServer smtp) : IClassFixture<MailServer>
{
    [Fact]
    public async Task AnEstimateMadeInTheOffice_IsToldToTheOwnerInTheirLanguage_ByEmailAndInTheApp_ButNotToAManagerOfAnotherSite()
    {
        using var app = new PortalFactory();
        smtp.ConfigureFor(app);
        var s = await DocumentScenario.CreateAsync(app);
        var owner = (await s.Owner.GetFromJsonAsync<PortalMeDto>("/api/v1/portal/me", ApiJson.Options))!;
        var on = new { appointments = true, onMyWay = true, marketing = false };
        (await s.Owner.PutAsJsonAsync("/api/v1/portal/preferences", new { email = on, sms = on, quietHours = (object?)null, language = "pt" })).EnsureSuccessStatusCode();
        var otherSite = await s.Customer.AddPropertyAsync("Other site");
        var manager = await s.Customer.AddContactAsync(DocumentScenario.UniqueEmail(), "PropertyManager", otherSite.Id);

        var estimate = await s.CreateEstimateAsync(propertyId: s.Property.Id, title: "Novo controlador");

        // Stored in the outbox before the estimate's creation answered: the timeline lists them at once.
        var timeline = (await s.Dispatcher.GetFromJsonAsync<CommunicationDto[]>($"/api/v1/customers/{s.Customer.Id}/communications", ApiJson.Options))!;
        var told = timeline.Where(m => m.Trigger == "EstimateReady").ToList();
        Assert.Equal(["Email", "InApp"], told.Select(m => m.Channel).Order());
        Assert.All(told, m => Assert.NotEqual(manager.Id, m.ContactId));

        var mail = await smtp.WaitForMailAsync(owner.Email);
        Assert.Equal("O seu orçamento está pronto: Novo controlador", mail.Subject);
        Assert.Contains("317,40 €", mail.Body, StringComparison.Ordinal);
        Assert.Contains($"http://portal.test/portal/#documents/{estimate.Id}", mail.Body, StringComparison.Ordinal);

        PortalNotificationsDto bell = null!;
        await Eventually.TrueAsync(async () =>
        {
            bell = (await s.Owner.GetFromJsonAsync<PortalNotificationsDto>("/api/v1/portal/notifications", ApiJson.Options))!;
            return bell.Items.Any(i => i.Trigger == "EstimateReady");
        }, "the estimate reaches the portal's bell");
        Assert.Equal(1, bell.Unread);
    }

    [Fact]
    public async Task AnEstimateForTheWholeCustomer_IsToldToOwnersOnly()
    {
        using var app = new PortalFactory();
        smtp.ConfigureFor(app);
        var s = await DocumentScenario.CreateAsync(app);
        var manager = await s.Customer.AddContactAsync(DocumentScenario.UniqueEmail(), "PropertyManager", s.Property.Id);

        await s.CreateEstimateAsync(propertyId: null, title: "Annual service contract");

        var timeline = (await s.Dispatcher.GetFromJsonAsync<CommunicationDto[]>($"/api/v1/customers/{s.Customer.Id}/communications", ApiJson.Options))!;
        var told = timeline.Where(m => m.Trigger == "EstimateReady").ToList();
        Assert.NotEmpty(told);
        Assert.All(told, m => Assert.NotEqual(manager.Id, m.ContactId));
        var mail = await smtp.WaitForMailAsync((await s.Owner.GetFromJsonAsync<PortalMeDto>("/api/v1/portal/me", ApiJson.Options))!.Email);
        Assert.Equal("Your estimate is ready: Annual service contract", mail.Subject);
        Assert.Contains("€317.40", mail.Body, StringComparison.Ordinal);
    }
}

using System.Net;
using System.Net.Http.Json;
using OrleansPortal.Web.Customers;
using OrleansPortal.Web.Notifications.Composer;
using OrleansPortal.Web.Notifications.Templates;
using OrleansPortal.Web.Notifications.Timeline;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Notifications;

/// <summary>
/// The team's composer, through the whole app: a message to one contact goes through the outbox to the real SMTP server
/// or the notification centre, shows in the customer's timeline, and a request the contact cannot receive is refused.
/// </summary>
public sealed class CustomerMessagesApiTests(MailServer smtp) : IClassFixture<MailServer>
{
    [Fact]
    public async Task AFreeTextEmail_ReachesTheMailbox_InTheCompanysLayout_AndIsSentInTheTimeline()
    {
        using var app = new PortalFactory();
        smtp.ConfigureFor(app);
        var (company, customer, contact) = await CustomerWithContactAsync(app);

        var response = await company.Dispatcher.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/messages", new
        {
            contactId = contact.Id, channel = "Email", subject = "About Tuesday's visit", text = "We will bring the new valve on Tuesday.\nSee you then!",
        });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = (await response.Content.ReadFromJsonAsync<MessageAcceptedDto>(ApiJson.Options))!;
        var mail = await smtp.WaitForMailAsync(contact.Email);
        Assert.Equal("About Tuesday's visit", mail.Subject);
        Assert.Contains("We will bring the new valve on Tuesday.", mail.Body, StringComparison.Ordinal);
        Assert.Contains("Acme Irrigation", mail.Message.HtmlBody, StringComparison.Ordinal); // the company's layout
        Assert.Contains("<title>About Tuesday&#x27;s visit</title>", mail.Message.HtmlBody, StringComparison.Ordinal);
        var sent = await SettledAsync(company, customer.Id, accepted.Id);
        Assert.Equal(("Message", "Email", "Sent", contact.Email, contact.Id), (sent.Trigger, sent.Channel, sent.Status, sent.Recipient, sent.ContactId));
        var log = (await company.Dispatcher.GetFromJsonAsync<DeliveryStepDto[]>(response.Headers.Location, ApiJson.Options))!;
        Assert.Contains(log, s => s.Status == "sent");
    }

    [Fact]
    public async Task ATemplateMessage_IsWrittenWithTheCustomersAndContactsOwnDetails()
    {
        using var app = new PortalFactory();
        var (company, customer, contact) = await CustomerWithContactAsync(app);
        (await company.Dispatcher.PutAsJsonAsync("/api/v1/dispatch/notifications/templates/EstimateReady/InApp/en", new
        {
            subject = "For {{ customer.name }}",
            body = "Hello {{ contact.first_name }}, your estimate{% if estimate.number %} {{ estimate.number }}{% endif %} is ready.",
        })).EnsureSuccessStatusCode();

        var response = await company.Dispatcher.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/messages", new { contactId = contact.Id, channel = "InApp", trigger = "EstimateReady" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<MessageAcceptedDto>(ApiJson.Options))!.Id;
        var sent = await SettledAsync(company, customer.Id, id);
        Assert.Equal(("EstimateReady", "Sent", "For Smith household", "Hello Maria, your estimate is ready."), (sent.Trigger, sent.Status, sent.Subject, sent.Text));
    }

    [Fact]
    public async Task WhatTheContactCannotReceive_IsRefused_NamingTheField_AndNothingIsQueued()
    {
        using var app = new PortalFactory();
        var (company, customer, contact) = await CustomerWithContactAsync(app);
        var send = $"/api/v1/customers/{customer.Id}/messages";

        await ValidationProblems.AssertNamesFieldAsync(await company.Dispatcher.PostAsJsonAsync(send, new { contactId = "0123456789abcdef0123456789abcdef", channel = "Email", text = "Hi" }), "contactId");
        await ValidationProblems.AssertNamesFieldAsync(await company.Dispatcher.PostAsJsonAsync(send, new { contactId = contact.Id, channel = "Sms", text = "Hi" }), "channel"); // no phone
        await ValidationProblems.AssertNamesFieldAsync(await company.Dispatcher.PostAsJsonAsync(send, new { contactId = contact.Id, channel = "Push", text = "Hi" }), "channel");
        await ValidationProblems.AssertNamesFieldAsync(await company.Dispatcher.PostAsJsonAsync(send, new { contactId = contact.Id, channel = "Email", text = "  " }), "text");
        await ValidationProblems.AssertNamesFieldAsync(await company.Dispatcher.PostAsJsonAsync(send, new { contactId = contact.Id, channel = "Email", text = new string('a', 1601) }), "text");
        await ValidationProblems.AssertNamesFieldAsync(await company.Dispatcher.PostAsJsonAsync(send, new { contactId = contact.Id, channel = "InApp", trigger = "Sometime", text = "" }), "trigger");
        await ValidationProblems.AssertNamesFieldAsync(await company.Dispatcher.PostAsJsonAsync(send, new { contactId = contact.Id, channel = "Email", text = "Hi\u202Ethere" }), "text");

        Assert.Empty(await TimelineAsync(company, customer.Id));
    }

    [Fact]
    public async Task AnSmsThatWouldRunPastTenSegments_IsRefused_AndThePreviewCountsItsSegments()
    {
        using var app = new PortalFactory();
        var (company, customer, _) = await CustomerWithContactAsync(app);
        var phone = await AddContactAsync(company, customer.Id, "João Smith", "+351 912 345 678");
        var preview = $"/api/v1/customers/{customer.Id}/messages/preview";

        var english = await company.Dispatcher.PostAsJsonAsync(preview, new { contactId = phone.Id, channel = "Sms", text = "We will bring the new valve on Tuesday." });
        var portuguese = await company.Dispatcher.PostAsJsonAsync(preview, new { contactId = phone.Id, channel = "Sms", language = "pt", text = new string('ç', 80) });
        var tooLong = await company.Dispatcher.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/messages", new { contactId = phone.Id, channel = "Sms", text = new string('a', 1590) });

        var gsm = (await english.Content.ReadFromJsonAsync<PreviewDto>(ApiJson.Options))!;
        Assert.Equal("Acme Irrigation: We will bring the new valve on Tuesday.", gsm.Text);
        Assert.Equal((Grains.Notifications.Templates.SmsEncoding.Gsm7, 1), (gsm.Sms!.Encoding, gsm.Sms.Segments));
        var ucs2 = (await portuguese.Content.ReadFromJsonAsync<PreviewDto>(ApiJson.Options))!;
        Assert.Equal((Grains.Notifications.Templates.SmsEncoding.Ucs2, 97, 2), (ucs2.Sms!.Encoding, ucs2.Sms.Characters, ucs2.Sms.Segments));
        await ValidationProblems.AssertNamesFieldAsync(tooLong, "text"); // 1590 characters, and the company's name in front
    }

    [Fact]
    public async Task AnotherCompanysCustomer_IsNotFound_AndACustomerCannotUseTheComposer()
    {
        using var app = new PortalFactory();
        var (company, customer, contact) = await CustomerWithContactAsync(app);
        var other = await TenantScenario.CreateAsync(app, "Other Company");
        var body = new { contactId = contact.Id, channel = "Email", text = "Hi" };

        Assert.Equal(HttpStatusCode.NotFound, (await other.Dispatcher.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/messages", body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Dispatcher.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/messages/preview", body)).StatusCode);
        var signedInCustomer = await customer.SignInAsync(contact.Id);
        var own = (await signedInCustomer.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/messages", body)).StatusCode;
        Assert.True(own is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized, $"a customer using the team's composer gets {own}");
        Assert.Empty(await TimelineAsync(company, customer.Id));
    }

    private static async Task<(TenantScenario Company, CustomerScenario Customer, ContactDto Contact)> CustomerWithContactAsync(PortalFactory app)
    {
        var company = await TenantScenario.CreateAsync(app);
        var customer = await CustomerScenario.CreateAsync(company);
        var contact = await customer.AddContactAsync($"maria-{Guid.NewGuid():N}@example.test");
        return (company, customer, contact);
    }

    private static async Task<ContactDto> AddContactAsync(TenantScenario company, string customerId, string name, string phone)
    {
        var response = await company.Dispatcher.PostAsJsonAsync($"/api/v1/customers/{customerId}/contacts",
            new { name, email = $"joao-{Guid.NewGuid():N}@example.test", phone, role = "Owner", grantedPropertyIds = Array.Empty<string>() });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ContactDto>(ApiJson.Options))!;
    }

    private static async Task<CommunicationDto[]> TimelineAsync(TenantScenario company, string customerId) =>
        (await company.Dispatcher.GetFromJsonAsync<CommunicationDto[]>($"/api/v1/customers/{customerId}/communications", ApiJson.Options))!;

    private static async Task<CommunicationDto> SettledAsync(TenantScenario company, string customerId, string id)
    {
        CommunicationDto? found = null;
        await Eventually.TrueAsync(async () =>
        {
            found = (await TimelineAsync(company, customerId)).FirstOrDefault(m => m.Id == id && m.Status is not ("Queued" or "Sending"));
            return found is not null;
        }, $"message {id} is settled");
        return found!;
    }
}

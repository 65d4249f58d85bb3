using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrleansPortal.Web.Customers;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>
/// A customer's messages in the office: the dispatcher writes one from the customer's page (watching an SMS's segments
/// as they type), sends an email, sees it go from queued to sent in the timeline and opens its delivery log; the mail
/// reaches the real SMTP server.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CustomerMessagesPageTests(BrowserFixture browser, MailServer smtp) : IClassFixture<MailServer>
{
    [Theory]
    [MemberData(nameof(WhatAPersonSees.Sizes), MemberType = typeof(WhatAPersonSees))]
    public async Task ADispatcher_WritesToACustomer_FromTheirPage_AndSeesTheMessageSentInTheirTimeline(int width, int height)
    {
        using var app = new PortalFactory();
        smtp.ConfigureFor(app);
        var address = app.StartOnLoopback();
        var company = await TenantScenario.CreateAsync(app);
        var customer = await CustomerScenario.CreateAsync(company);
        var maria = await customer.AddContactAsync($"maria-{Guid.NewGuid():N}@example.test");
        (await company.Dispatcher.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/contacts",
            new { name = "João Smith", email = $"joao-{Guid.NewGuid():N}@example.test", phone = "+351 912 345 678", role = "Owner", grantedPropertyIds = Array.Empty<string>() }))
            .EnsureSuccessStatusCode();
        var (context, page, problems) = await OfficePages.OpenCustomerAsync(browser, address, company, customer.Id, width, height);
        await using var browsing = context;

        var messages = page.GetByRole(AriaRole.Region, new() { Name = "Messages", Exact = true });
        await Assertions.Expect(messages).ToContainTextAsync("No message yet.");
        await messages.GetByRole(AriaRole.Button, new() { Name = "Send a message" }).ClickAsync();
        var composer = messages.GetByRole(AriaRole.Form, new() { Name = "A message to Smith household" });
        await composer.GetByLabel("Contact", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "João Smith" });
        await composer.GetByLabel("Channel").SelectOptionAsync("Sms");
        await composer.GetByLabel("Text", new() { Exact = true }).FillAsync("The new valve arrives on Tuesday.");
        await Assertions.Expect(composer.Locator(".sms-length")).ToHaveTextAsync("GSM-7 · 50 characters · 1 segment");
        await composer.GetByLabel("Text", new() { Exact = true }).FillAsync("A válvula nova chega na terça-feira. Ligamos antes de sair para confirmar a hora, está bem?");
        await Assertions.Expect(composer.Locator(".sms-length")).ToContainTextAsync("UCS-2 (Unicode) · 108 characters · 2 segments");
        await Assertions.Expect(composer.Locator(".sms-length")).ToContainTextAsync("Unicode because of: á");
        await WhatAPersonSees.AssertInsideAsync(composer.GetByRole(AriaRole.Button, new() { Name = "Send" }), messages, "the composer's Send button");
        await WhatAPersonSees.ScreenshotAsync(page, "office-customer-composer");

        await composer.GetByLabel("Channel").SelectOptionAsync("Email");
        await composer.GetByLabel("Contact", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Maria Silva" });
        await composer.GetByLabel("Subject (optional)").FillAsync("Your new valve");
        await composer.GetByLabel("Text", new() { Exact = true }).FillAsync("The new valve arrives on Tuesday.\nWe will call before we leave.");
        await Assertions.Expect(composer.Locator(".composer-preview")).ToContainTextAsync("Subject: Your new valve");
        await composer.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        await Assertions.Expect(messages.GetByRole(AriaRole.Status)).ToHaveTextAsync("Message queued: its progress shows below.");
        var sent = messages.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Message from the team" });
        await Assertions.Expect(sent).ToContainTextAsync("Sent");
        await Assertions.Expect(sent).ToContainTextAsync($"To Maria Silva · {maria.Email}");
        await Assertions.Expect(sent).ToContainTextAsync("Your new valve");
        await sent.GetByRole(AriaRole.Button, new() { Name = "Delivery log" }).ClickAsync();
        await Assertions.Expect(sent.GetByRole(AriaRole.List, new() { Name = "Delivery log" })).ToContainTextAsync(new Regex(@"\d\d:\d\d sent"));
        var mail = await smtp.WaitForMailAsync(maria.Email);
        Assert.Equal("Your new valve", mail.Subject);
        Assert.Contains("We will call before we leave.", mail.Body, StringComparison.Ordinal);

        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "office-customer-messages");
        Assert.True(problems.All.Count == 0, string.Join("\n", problems.All));
    }
}

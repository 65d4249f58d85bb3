using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrleansPortal.Web.Customers;
using OrleansPortal.Web.Properties;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>
/// The office's customers screen as a dispatcher's morning starts: a new customer, their property found by typing its
/// address (the offline geocoder, on a small extract written for the test), and a job for them.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CustomersPageTests(BrowserFixture browser)
{
    [Theory]
    [MemberData(nameof(WhatAPersonSees.Sizes), MemberType = typeof(WhatAPersonSees))]
    public async Task ADispatcher_CreatesACustomer_FindsTheirAddress_AndCreatesAJobThere(int width, int height)
    {
        var extract = SmallExtracts.SantaCatarina();
        try
        {
            using var app = new PortalFactory();
            app.Settings["Routing:Extract"] = extract;
            var address = app.StartOnLoopback();
            var company = await TenantScenario.CreateAsync(app);
            await using var context = await browser.NewContextAsync(address);
            var page = await OfficePages.SignInAsync(context, company, "/office/customers/");
            await page.SetViewportSizeAsync(width, height);
            var problems = new PageProblems(page);

            await page.GetByRole(AriaRole.Button, new() { Name = "New customer" }).ClickAsync();
            await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Smith household");
            await page.GetByLabel("Contact's name").FillAsync("Ana Smith");
            await page.GetByLabel("Email", new() { Exact = true }).FillAsync($"ana-{Guid.NewGuid():N}@example.test");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create customer" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Smith household" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("section.customer-list").GetByRole(AriaRole.Button, new() { Name = "Smith household" })).ToBeVisibleAsync();

            await page.GetByRole(AriaRole.Combobox, new() { Name = "Address" }).PressSequentiallyAsync("santa cat 312");
            var suggestion = page.GetByRole(AriaRole.Option).Filter(new() { HasText = "Rua de Santa Catarina 312" });
            await Assertions.Expect(suggestion).ToBeVisibleAsync();
            await WhatAPersonSees.AssertInsideAsync(suggestion, page.GetByRole(AriaRole.Listbox), "the address suggestion");
            await suggestion.ClickAsync();
            await page.GetByLabel("Name (e.g. Home)").FillAsync("Home");
            await page.GetByLabel("Access notes").FillAsync("Gate code 1234");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add property" }).ClickAsync();
            await Assertions.Expect(page.Locator("#properties-title + ul")).ToContainTextAsync("Rua de Santa Catarina 312");

            await page.GetByLabel("What to do").FillAsync("Check the sprinkler valves");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create job" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Job created" })).ToBeVisibleAsync();
            var jobLink = page.GetByRole(AriaRole.Link, new() { Name = "Check the sprinkler valves" });
            await Assertions.Expect(jobLink).ToBeVisibleAsync();
            await Assertions.Expect(jobLink).ToHaveAttributeAsync("href", new Regex("^/office/jobs/\\?id=[0-9a-f]{32}$"));

            await page.GetByRole(AriaRole.Searchbox).FillAsync("ana smith");
            await Assertions.Expect(page.Locator("section.customer-list").GetByRole(AriaRole.Button, new() { Name = "Smith household" })).ToBeVisibleAsync();

            await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
            await WhatAPersonSees.AssertInsideAsync(page.GetByRole(AriaRole.Button, new() { Name = "Create job" }), page.Locator("main"), "Create job");
            await WhatAPersonSees.AssertAccessibleAsync(page);
            await WhatAPersonSees.ScreenshotAsync(page, "office-customers");
            Assert.Empty(problems.All);
        }
        finally
        {
            File.Delete(extract);
        }
    }

    [Theory]
    [MemberData(nameof(WhatAPersonSees.Sizes), MemberType = typeof(WhatAPersonSees))]
    public async Task ADispatcher_EditsTheCustomer_TheirContacts_AndAProperty_InPlace(int width, int height)
    {
        using var app = new PortalFactory();
        var address = app.StartOnLoopback();
        var company = await TenantScenario.CreateAsync(app);
        var customer = await CustomerScenario.CreateAsync(company, "Smyth household");
        await customer.AddPropertyAsync("Home", "Rua de Santa Catarina 1, Porto");
        var leaving = await customer.AddContactAsync($"old-{Guid.NewGuid():N}@example.test");
        var (context, page, problems) = await OfficePages.OpenCustomerAsync(browser, address, company, customer.Id, width, height);
        await using var browsing = context;
        var details = page.GetByRole(AriaRole.Region, new() { Name = "Smyth household" });

        // The name, corrected.
        await details.GetByRole(AriaRole.Button, new() { Name = "Edit", Exact = true }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Smith household");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Smith household", Level = 2 })).ToBeVisibleAsync();
        details = page.GetByRole(AriaRole.Region, new() { Name = "Smith household" });

        // A new contact, then their phone number added.
        var add = details.GetByRole(AriaRole.Form, new() { Name = "Add a contact" });
        await add.GetByLabel("Contact's name").FillAsync("João Smith");
        await add.GetByLabel("Role").SelectOptionAsync("AccountsPayable");
        await add.GetByLabel("Email").FillAsync($"joao-{Guid.NewGuid():N}@example.test");
        await add.GetByRole(AriaRole.Button, new() { Name = "Add contact" }).ClickAsync();
        var joao = details.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "João Smith" });
        await Assertions.Expect(joao).ToContainTextAsync("Accounts payable");
        await joao.GetByRole(AriaRole.Button, new() { Name = "Edit João Smith" }).ClickAsync();
        var edit = details.GetByRole(AriaRole.Form, new() { Name = "Edit João Smith" });
        await edit.GetByLabel("Phone").FillAsync("+351 912 345 678");
        await WhatAPersonSees.AssertInsideAsync(edit.GetByRole(AriaRole.Button, new() { Name = "Save" }), details, "the contact's Save button");
        await WhatAPersonSees.ScreenshotAsync(page, "office-customer-edit-contact");
        await edit.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(joao).ToContainTextAsync("+351912345678"); // as stored: E.164

        // The one who left: asked first, then removed.
        var maria = details.GetByRole(AriaRole.Listitem).Filter(new() { HasText = leaving.Email });
        await maria.GetByRole(AriaRole.Button, new() { Name = "Remove Maria Silva" }).ClickAsync();
        await Assertions.Expect(maria).ToContainTextAsync("They can no longer sign in to the portal.");
        await maria.GetByRole(AriaRole.Button, new() { Name = "Yes, remove" }).ClickAsync();
        await Assertions.Expect(maria).ToHaveCountAsync(0);

        // The property's gate code.
        var properties = page.GetByRole(AriaRole.Region, new() { Name = "Properties" });
        await properties.GetByRole(AriaRole.Button, new() { Name = "Edit Home" }).ClickAsync();
        var editHome = properties.GetByRole(AriaRole.Form, new() { Name = "Edit Home" });
        await editHome.GetByLabel("Access notes (gate code, dog…)").FillAsync("Gate code 4321");
        await editHome.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(properties).ToContainTextAsync("Gate code 4321");

        var stored = (await company.Dispatcher.GetFromJsonAsync<CustomerDto>($"/api/v1/customers/{customer.Id}", ApiJson.Options))!;
        Assert.Equal("Smith household", stored.Name);
        Assert.Equal(("João Smith", "+351912345678", "AccountsPayable"), stored.Contacts.Select(c => (c.Name, c.Phone, c.Role)).Single());
        var home = (await company.Dispatcher.GetFromJsonAsync<PropertyDto[]>($"/api/v1/customers/{customer.Id}/properties", ApiJson.Options))!.Single();
        Assert.Equal(("Gate code 4321", "Rua de Santa Catarina 1, Porto"), (home.AccessNotes, home.Address));
        await WhatAPersonSees.AssertNoSidewaysScrollAsync(page);
        await WhatAPersonSees.AssertAccessibleAsync(page);
        await WhatAPersonSees.ScreenshotAsync(page, "office-customer-edited");
        Assert.Empty(problems.All);
    }
}

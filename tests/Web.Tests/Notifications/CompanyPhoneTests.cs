using System.Net;
using System.Net.Http.Json;
using OrleansPortal.Web.Admin;
using OrleansPortal.Web.Notifications.Timeline;
using OrleansPortal.Web.Tests.Infrastructure;
using OrleansPortal.Web.Tests.Portal;

namespace OrleansPortal.Web.Tests.Notifications;

/// <summary>The number customers call: set by the office as people write it, kept readable, and offered by the messages.</summary>
public sealed class CompanyPhoneTests
{
    [Fact]
    public async Task ANumberWrittenTheLocalWay_IsKeptWithItsCountryCode_AMistypedOneIsA400_AndNullClearsIt()
    {
        using var app = new PortalFactory();
        var company = await TenantScenario.CreateAsync(app);
        var other = await TenantScenario.CreateAsync(app, "Other Co");

        var set = await company.Dispatcher.PutAsJsonAsync("/api/v1/company/phone", new { phone = "22 000 0000" });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal("+351 22 000 0000", (await set.Content.ReadFromJsonAsync<CompanyDto>(ApiJson.Options))!.Phone);
        Assert.Equal("+351 22 000 0000", (await company.Dispatcher.GetFromJsonAsync<CompanyDto>("/api/v1/company", ApiJson.Options))!.Phone);
        Assert.Null((await other.Dispatcher.GetFromJsonAsync<CompanyDto>("/api/v1/company", ApiJson.Options))!.Phone);

        await ValidationProblems.AssertNamesFieldAsync(await company.Dispatcher.PutAsJsonAsync("/api/v1/company/phone", new { phone = "call the office" }), "phone");
        await ValidationProblems.AssertNamesFieldAsync(await company.Dispatcher.PutAsJsonAsync("/api/v1/company/phone", new { phone = "12" }), "phone");
        Assert.Equal("+351 22 000 0000", (await company.Dispatcher.GetFromJsonAsync<CompanyDto>("/api/v1/company", ApiJson.Options))!.Phone); // unchanged

        var cleared = await company.Dispatcher.PutAsJsonAsync("/api/v1/company/phone", new { phone = (string?)null });
        Assert.Null((await cleared.Content.ReadFromJsonAsync<CompanyDto>(ApiJson.Options))!.Phone);
        var anonymous = await app.CreateClient().PutAsJsonAsync("/api/v1/company/phone", new { phone = "22 000 0000" });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task TheBookingConfirmation_OffersTheCompanysNumber()
    {
        using var app = new PortalFactory();
        var portal = await PortalJobsScenario.CreateAsync(app);
        (await portal.Day.Dispatcher.PutAsJsonAsync("/api/v1/company/phone", new { phone = "+351 220 000 000" })).EnsureSuccessStatusCode();

        await portal.BookAsync();

        CommunicationDto? confirmation = null;
        await Eventually.TrueAsync(async () =>
        {
            var timeline = (await portal.Day.Dispatcher.GetFromJsonAsync<CommunicationDto[]>($"/api/v1/customers/{portal.Customer.Id}/communications", ApiJson.Options))!;
            confirmation = timeline.FirstOrDefault(m => m is { Trigger: "BookingConfirmed", Channel: "Email" });
            return confirmation is not null;
        }, "the booking confirmation is queued");
        Assert.Contains("or call us on +351 22 000 0000", confirmation!.Text, StringComparison.Ordinal);
    }
}

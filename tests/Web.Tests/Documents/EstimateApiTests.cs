using System.Net;
using System.Net.Http.Json;
using OrleansPortal.Web.Documents;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Documents;

/// <summary>Estimates: made by dispatchers with server-side totals, decided once by the customer with a typed signature.</summary>
public sealed class EstimateApiTests
{
    [Fact]
    public async Task EstimateTotals_AreComputedFromTheLines_InCents_WithDiscountsAndTaxPerRate_AndAClientTotalIsIgnored()
    {
        using var app = new PortalFactory();
        var s = await DocumentScenario.CreateAsync(app);

        Task<HttpResponseMessage> PostAsync(int fittingsTax) => s.Dispatcher.PostAsJsonAsync("/api/v1/estimates", new
        {
            customerId = s.Customer.Id,
            title = "Drip line",
            currency = "eur",
            validUntil = DateTimeOffset.UtcNow.AddDays(7),
            total = 1L,
            lines = new object[]
            {
                new { description = "Drip tubing (m)", quantity = 12.5m, unitAmount = 99L, taxRate = 2300, amount = 0L },
                new { description = "Fittings", quantity = 3m, unitAmount = 135L, taxRate = fittingsTax, discount = 1000, amount = 0L },
                new { description = "Labour (h)", quantity = 1.5m, unitAmount = 4000L, taxRate = 600 },
            },
        });

        // A rate above 100 % is refused, naming the line's field.
        var refused = await PostAsync(10_001);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("lines[1].taxRate", await refused.Content.ReadAsStringAsync());

        var response = await PostAsync(2300);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var estimate = (await response.Content.ReadFromJsonAsync<EstimateDto>(ApiJson.Options))!;
        // 12.5 x 99 = 1237.5 rounds half away from zero; 3 x 135 = 405 less 10 % (40.5 -> 41) = 364.
        Assert.Equal([1238L, 364L, 6000L], estimate.Lines.Select(l => l.Amount));
        Assert.Equal((1238L + 405 + 6000, 41L), (estimate.Subtotal, estimate.Discount));
        // Tax per rate on the lines at that rate: 23 % of 1602 = 368.46 -> 368; 6 % of 6000 = 360.
        Assert.Equal([new TaxLineDto(600, 6000, 360), new TaxLineDto(2300, 1602, 368)], estimate.Taxes);
        Assert.Equal(1602L + 6000 + 368 + 360, estimate.Total);
        Assert.Equal(("EUR", "Pending"), (estimate.Currency, estimate.Status));
        var seen = (await s.Owner.GetFromJsonAsync<EstimateDto>($"/api/v1/portal/estimates/{estimate.Id}", ApiJson.Options))!;
        Assert.Equal(estimate.Total, seen.Total);
    }

    [Fact]
    public async Task InvalidEstimates_AreRefusedWith400NamingTheField()
    {
        using var app = new PortalFactory();
        var s = await DocumentScenario.CreateAsync(app);
        var other = await CustomerScenario.CreateAsync(s.Company, "Joneses");
        var otherSite = await other.AddPropertyAsync("Jones house");
        var line = new[] { new { description = "Work", quantity = 1m, unitAmount = 1000L } };
        var future = DateTimeOffset.UtcNow.AddDays(3);

        var cases = new (object Body, string Field)[]
        {
            (new { customerId = s.Customer.Id, title = "x", currency = "EUR", validUntil = future, lines = Array.Empty<object>() }, "lines"),
            (new { customerId = s.Customer.Id, title = "x", currency = "EUR", validUntil = future, lines = new[] { new { description = "Work", quantity = -1m, unitAmount = 1000L } } }, "lines[0].quantity"),
            (new { customerId = s.Customer.Id, title = "x", currency = "EUR", validUntil = future, lines = new[] { new { description = "", quantity = 1m, unitAmount = 1000L } } }, "lines[0].description"),
            (new { customerId = s.Customer.Id, title = "x", currency = "EUR", validUntil = future, lines = new[] { new { description = "Work", quantity = 1m, unitAmount = -500L } } }, "lines[0].unitAmount"),
            (new { customerId = s.Customer.Id, title = "x", currency = "EURO", validUntil = future, lines = line }, "currency"),
            (new { customerId = s.Customer.Id, title = "", currency = "EUR", validUntil = future, lines = line }, "title"),
            (new { customerId = s.Customer.Id, title = "x", currency = "EUR", validUntil = DateTimeOffset.UtcNow.AddMinutes(-1), lines = line }, "validUntil"),
            (new { customerId = Guid.NewGuid().ToString("N"), title = "x", currency = "EUR", validUntil = future, lines = line }, "customerId"),
            (new { customerId = "../../x", title = "x", currency = "EUR", validUntil = future, lines = line }, "customerId"),
            (new { customerId = s.Customer.Id, propertyId = otherSite.Id, title = "x", currency = "EUR", validUntil = future, lines = line }, "propertyId"),
            (new { customerId = s.Customer.Id, ticketId = Guid.NewGuid().ToString("N"), title = "x", currency = "EUR", validUntil = future, lines = line }, "ticketId"),
        };
        foreach (var (body, field) in cases)
        {
            var response = await s.Dispatcher.PostAsJsonAsync("/api/v1/estimates", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"expected an error on {field}: {problem}");
        }

        // Wrong JSON types and no body at all are 400 too, never a 5xx.
        var malformed = await s.Dispatcher.PostAsync("/api/v1/estimates", new StringContent("""{"customerId": 5, "lines": "many"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        var empty = await s.Dispatcher.PostAsync("/api/v1/estimates", new StringContent("", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [Fact]
    public async Task CustomerApprovesOnce_WithTypedName_AndASecondDecisionIs409()
    {
        using var app = new PortalFactory();
        var s = await DocumentScenario.CreateAsync(app);
        var job = await s.AddAssignedJobAsync();
        var estimate = await s.CreateEstimateAsync(ticketId: job);
        Assert.Equal(s.Property.Id, estimate.PropertyId); // the job's site

        var tooShort = await s.Owner.PostAsJsonAsync($"/api/v1/portal/estimates/{estimate.Id}/approve", new { signedName = " M " });
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Contains("signedName", await tooShort.Content.ReadAsStringAsync());

        var approved = await s.Owner.PostAsJsonAsync($"/api/v1/portal/estimates/{estimate.Id}/approve", new { signedName = "  Maria Silva " });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var result = (await approved.Content.ReadFromJsonAsync<EstimateDto>(ApiJson.Options))!;
        Assert.Equal(("Approved", "Approved", "Maria Silva"), (result.Status, result.Decision!.Outcome, result.Decision.SignedName));
        Assert.Null(result.Decision.ClientIp); // the customer's view leaves it out

        foreach (var again in new[] { "approve", "decline" })
        {
            var refused = await s.Owner.PostAsJsonAsync($"/api/v1/portal/estimates/{estimate.Id}/{again}", new { signedName = "Maria Silva" });
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains("already approved", await refused.Content.ReadAsStringAsync());
        }
        var office = (await s.Dispatcher.GetFromJsonAsync<EstimateDto>($"/api/v1/estimates/{estimate.Id}", ApiJson.Options))!;
        Assert.Equal(("Approved", "Maria Silva"), (office.Status, office.Decision!.SignedName));
        Assert.True(office.Decision.At > estimate.CreatedAt.AddSeconds(-1));
    }

    [Fact]
    public async Task TwoDecisionsAtOnce_OnlyOneIsRecorded()
    {
        using var app = new PortalFactory();
        var s = await DocumentScenario.CreateAsync(app);
        var estimate = await s.CreateEstimateAsync();
        var colleague = await s.Customer.SignInAsync((await s.Customer.AddContactAsync(DocumentScenario.UniqueEmail(), "AccountsPayable")).Id);

        var answers = await Task.WhenAll(
            s.Owner.PostAsJsonAsync($"/api/v1/portal/estimates/{estimate.Id}/approve", new { signedName = "Maria Silva" }),
            colleague.PostAsJsonAsync($"/api/v1/portal/estimates/{estimate.Id}/decline", new { signedName = "Ana Payables" }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        var winner = (await answers.Single(a => a.IsSuccessStatusCode).Content.ReadFromJsonAsync<EstimateDto>(ApiJson.Options))!;
        var stored = (await s.Dispatcher.GetFromJsonAsync<EstimateDto>($"/api/v1/estimates/{estimate.Id}", ApiJson.Options))!;
        Assert.Equal((winner.Status, winner.Decision!.SignedName), (stored.Status, stored.Decision!.SignedName));
    }

    [Fact]
    public async Task CustomerDeclines_AndTheEstimateCannotBeApprovedAfterwards()
    {
        using var app = new PortalFactory();
        var s = await DocumentScenario.CreateAsync(app);
        var estimate = await s.CreateEstimateAsync();

        var declined = await s.Owner.PostAsJsonAsync($"/api/v1/portal/estimates/{estimate.Id}/decline", new { signedName = "Maria Silva" });
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.Equal("Declined", (await declined.Content.ReadFromJsonAsync<EstimateDto>(ApiJson.Options))!.Status);

        var approve = await s.Owner.PostAsJsonAsync($"/api/v1/portal/estimates/{estimate.Id}/approve", new { signedName = "Maria Silva" });
        Assert.Equal(HttpStatusCode.Conflict, approve.StatusCode);
        Assert.Contains("already declined", await approve.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ExpiredEstimate_ShowsExpired_AndCannotBeApproved()
    {
        var clock = new AdjustableClock();
        using var app = new PortalFactory { Clock = clock };
        var s = await DocumentScenario.CreateAsync(app);
        var estimate = await s.CreateEstimateAsync(validUntil: DateTimeOffset.UtcNow.AddHours(1));

        clock.Advance(TimeSpan.FromHours(2)); // within every session's lifetime

        Assert.Equal("Expired", (await s.Owner.GetFromJsonAsync<EstimateDto>($"/api/v1/portal/estimates/{estimate.Id}", ApiJson.Options))!.Status);
        var approve = await s.Owner.PostAsJsonAsync($"/api/v1/portal/estimates/{estimate.Id}/approve", new { signedName = "Maria Silva" });
        Assert.Equal(HttpStatusCode.Conflict, approve.StatusCode);
        Assert.Contains("expired", await approve.Content.ReadAsStringAsync());
        Assert.Equal("Expired", (await s.Dispatcher.GetFromJsonAsync<EstimateDto>($"/api/v1/estimates/{estimate.Id}", ApiJson.Options))!.Status);
    }
}

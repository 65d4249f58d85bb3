using System.Globalization;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using OrleansPortal.Web.Tests.Chat;
using OrleansPortal.Web.Tests.Documents;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Inputs;

/// <summary>
/// A company with one of everything (customer, property, signed-in owner, technician with a phone, an assigned job, an
/// estimate, an invoice, a chat message) and one client carrying every credential at once (dispatcher and customer
/// cookies, device token, admin key), so each generated request reaches its handler whoever the endpoint is for.
/// </summary>
/// <param name="Client">Signed in as everybody: the dispatcher, the customer's owner, the technician's phone and the operator.</param>
/// <param name="ContactId">A second contact of the customer (accounts payable), for the office's contact edits: changing or removing it leaves the owner signed in.</param>
public sealed record InputWorld(DocumentScenario Scenario, string TicketId, string EstimateId, string InvoiceId, string MessageId, string ContactId, string CaseId, HttpClient Client)
{
    /// <summary>An id of nothing, for ids whose owner the world does not need (photos, attachments, device ids, series).</summary>
    public static string UnknownId { get; } = new('e', 32);

    public static async Task<InputWorld> CreateAsync(PortalFactory app)
    {
        var scenario = await DocumentScenario.CreateAsync(app);
        var ticketId = await scenario.AddAssignedJobAsync();
        var estimate = await scenario.CreateEstimateAsync();
        var invoice = await scenario.IssueInvoiceAsync();
        var message = await scenario.Dispatcher.SendAsync("/api/v1/conversations", ChatScenario.Job(ticketId), "On our way tomorrow.");
        var contact = await scenario.Customer.AddContactAsync(DocumentScenario.UniqueEmail(), "AccountsPayable");
        var opened = await scenario.Owner.PostAsJsonAsync("/api/v1/portal/cases", new { subject = "Water in the valve box", description = "It is flooded." });
        opened.EnsureSuccessStatusCode();
        var caseId = (await opened.Content.ReadFromJsonAsync<OrleansPortal.Web.Support.Cases.CaseDto>(ApiJson.Options))!.Id;

        var client = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var customerCookie = scenario.Owner.DefaultRequestHeaders.GetValues("Cookie").Single();
        client.DefaultRequestHeaders.Add("Cookie", $"{scenario.Company.Cookie}; {customerCookie}");
        client.DefaultRequestHeaders.Authorization = scenario.Device.DefaultRequestHeaders.Authorization;
        client.DefaultRequestHeaders.Add("X-Admin-Key", PortalFactory.AdminKey);
        await StoredRows.SettledAsync(app);
        return new InputWorld(scenario, ticketId, estimate.Id, invoice.Id, message.Id, contact.Id, caseId, client);
    }

    /// <summary>The operation's path with the world's ids in it; <paramref name="overrides"/> are put in as they are (already URL-encoded).</summary>
    public string Url(ApiOperation operation, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var segments = operation.Path.Split('/');
        for (var i = 1; i < segments.Length; i++)
        {
            if (!segments[i].StartsWith('{')) continue;
            var name = segments[i][1..^1];
            segments[i] = overrides?.GetValueOrDefault(name) ?? IdFor(name, segments[i - 1]);
        }
        return string.Join('/', segments);
    }

    private string IdFor(string parameter, string collection) => (parameter, collection) switch
    {
        ("ticketId", _) or ("id", "tickets" or "jobs") => TicketId,
        ("technicianId", _) or ("id", "technicians") => Scenario.TechnicianId,
        ("id", "customers") or ("customerId", _) => Scenario.Customer.Id,
        ("id", "properties") => Scenario.Property.Id,
        ("id", "estimates") => EstimateId,
        ("id", "invoices") => InvoiceId,
        ("threadId", _) => ChatScenario.Job(TicketId),
        ("contactId", _) => ContactId,
        ("caseId", _) => CaseId,
        ("trigger", _) => "OnMyWay", // a notification template's path: a trigger, channel and language that have one
        ("channel", _) => "Email",
        ("language", _) => "en",
        _ => UnknownId,
    };

    /// <summary>A string the schema allows, by its format and pattern, else by what the property's name says it holds.</summary>
    public string PlausibleString(string? name, string? format, string? pattern)
    {
        var tomorrow = DateTimeOffset.UtcNow.Date.AddDays(1);
        if (format == "date") return tomorrow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (format == "date-time") return new DateTimeOffset(tomorrow.AddHours(name is "end" ? 11 : 9), TimeSpan.Zero).ToString("O", CultureInfo.InvariantCulture);
        if (format == "time") return name is "end" ? "17:00:00" : "09:00:00";
        if (pattern?.Contains(@"\d{2}:\d{2}:\d{2}") == true) return "00:15:00"; // a TimeSpan
        return name switch
        {
            "customerId" => Scenario.Customer.Id,
            "propertyId" or "grantedPropertyIds[]" => Scenario.Property.Id,
            "ticketId" => TicketId,
            "technicianId" or "preferredTechnicianId" => Scenario.TechnicianId,
            "upTo" or "before" => MessageId,
            "from" => tomorrow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "email" => DocumentScenario.UniqueEmail(),
            "password" => TenantScenario.Password,
            "timeZone" => "Europe/Lisbon",
            "currency" => "EUR",
            "status" => "EnRoute",
            "kind" => "Residential",
            "role" => "PropertyManager",
            "priority" => "Routine",
            "day" => DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "startDate" => tomorrow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "endDate" => tomorrow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "windowStart" or "start" => "09:00",
            "windowEnd" or "end" => "11:00",
            "weekdays[]" => "Monday",
            "photoUrl" => "https://example.com/photo.png",
            "service" => "General visit",
            "token" => new string('A', 43),
            "trigger" => "OnMyWay",
            "channel" => "Email",
            "language" => "en",
            _ => "Plausible text",
        };
    }
}

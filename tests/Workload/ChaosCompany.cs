using System.Net.Http.Json;
using System.Text.Json;

namespace OrleansPortal.Testing.Workload;

/// <summary>
/// What chaos rounds write to, made through the public API: a company with a customer and property, a few tickets to
/// put on hold and back, and a fleet of technicians with device tokens for the pings.
/// </summary>
public sealed record ChaosCompany(Company Company, string CustomerId, string PropertyId, IReadOnlyList<string> Tickets, IReadOnlyList<FleetTechnician> Fleet)
{
    public static async Task<ChaosCompany> CreateAsync(Uri app, string adminKey, int technicians, int tickets)
    {
        var company = await Company.CreateAsync(app, adminKey, autoAssign: false, "Chaos Plumbing");
        var dispatcher = company.Dispatcher(app);
        var customer = await ReadIdAsync(await dispatcher.PostAsJsonAsync("/api/v1/customers", new { name = "Smith household", kind = "Residential" }));
        var property = await ReadIdAsync(await dispatcher.PostAsJsonAsync($"/api/v1/customers/{customer}/properties", new
        {
            name = "Home",
            address = "Rua de Santa Catarina 1, Porto",
            location = new { latitude = Company.Ribeira.Latitude, longitude = Company.Ribeira.Longitude },
        }));
        var jobs = new List<string>();
        for (var i = 0; i < tickets; i++) jobs.Add(await company.AddJobAsync(app, customer, property, Company.Ribeira, windowHours: null, $"Leak {i}"));
        var fleet = new List<FleetTechnician>();
        for (var lane = 0; lane < technicians; lane++)
        {
            var id = await ReadIdAsync(await dispatcher.PostAsJsonAsync("/api/v1/technicians", new { name = $"Technician {lane}", skills = Array.Empty<string>() }));
            fleet.Add(new FleetTechnician(company.TenantId, id, await company.IssueTokenAsync(app, id), lane));
        }

        return new ChaosCompany(company, customer, property, jobs, fleet);
    }

    private static async Task<string> ReadIdAsync(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}

using System.Net.Http.Json;
using System.Text.Json;
using OrleansPortal.Testing.Workload;

namespace OrleansPortal.Benchmarks.Payments;

/// <summary>
/// The subscriptions are the app's own maintenance plans: one monthly plan defined through the office's API, each
/// subscriber's property enrolled in it there. Their Stripe events then carry the plan's metadata, so the app acts on
/// them as on any plan: a paid period issues and pays its invoice and schedules its visit, a failed one opens dunning.
/// </summary>
internal static class PlanEnrolments
{
    public const long Price = 2_900;
    public const string PlanName = "Garden care, monthly";
    private const int Concurrency = 16;

    public static async Task<IReadOnlyList<Enrolment>> EnrolAsync(Uri app, Company company, IReadOnlyList<string> customers, int count)
    {
        var dispatcher = company.Dispatcher(app);
        var plan = await InvoiceBook.IdOfAsync(await dispatcher.PostAsJsonAsync("/api/v1/plans", new
        {
            name = PlanName, price = Price, currency = "EUR", interval = "Month", intervalCount = 1, visitsPerPeriod = 1, visitMinutes = 45,
        }));
        var enrolments = new Enrolment[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (n, token) =>
        {
            var customer = customers[n % customers.Count];
            var property = await InvoiceBook.IdOfAsync(await dispatcher.PostAsJsonAsync($"/api/v1/customers/{customer}/properties", new
            {
                name = $"Garden {n}", address = $"Rua de Cedofeita {n + 1}, Porto", location = new { latitude = 41.15 + n * 0.0001, longitude = -8.62 },
            }, token));
            var subscription = await InvoiceBook.IdOfAsync(await dispatcher.PostAsJsonAsync($"/api/v1/customers/{customer}/plans", new { planId = plan, propertyId = property }, token));
            enrolments[n] = new Enrolment(subscription, customer);
        });
        return enrolments;
    }
}

/// <summary>A property's enrolment in the plan: our subscription's id and its customer.</summary>
internal sealed record Enrolment(string SubscriptionId, string CustomerId);

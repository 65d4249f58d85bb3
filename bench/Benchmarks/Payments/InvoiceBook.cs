using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansPortal.Testing.Workload;

namespace OrleansPortal.Benchmarks.Payments;

/// <summary>
/// The invoices the payments pay, issued through the office's API as a dispatcher issues them: one company, its
/// customers (each with an owner who receives the invoices and receipts by email), and invoices of one to three lines
/// with 23 % or 6 % VAT and now and then a discount, so totals are the app's own arithmetic, read back from its answer.
/// </summary>
internal static class InvoiceBook
{
    private const int InvoicesPerCustomer = 10;
    private const int Concurrency = 16;

    public static async Task<(Company Company, IReadOnlyList<BookedInvoice> Invoices)> IssueAsync(Uri app, string adminKey, int count, Random random)
    {
        var company = await Company.CreateAsync(app, adminKey, autoAssign: false, "Porto Repairs");
        var dispatcher = company.Dispatcher(app);
        var customers = new string[(count + InvoicesPerCustomer - 1) / InvoicesPerCustomer];
        await Parallel.ForEachAsync(Enumerable.Range(0, customers.Length), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (c, token) =>
        {
            var id = await IdOfAsync(await dispatcher.PostAsJsonAsync("/api/v1/customers", new { name = $"Customer {c}", kind = c % 3 == 0 ? "Commercial" : "Residential" }, token));
            using var contact = await dispatcher.PostAsJsonAsync($"/api/v1/customers/{id}/contacts",
                new { name = $"Owner {c}", email = $"owner{c}@customers.example", role = "Owner" }, token);
            await EnsureAsync(contact);
            customers[c] = id;
        });

        // Drawn before the parallel part, so one seed gives the same invoices whatever order they are issued in.
        var plans = Enumerable.Range(0, count).Select(i => (Customer: customers[i / InvoicesPerCustomer], Lines: Lines(random))).ToList();
        var invoices = new BookedInvoice[count];
        var due = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (i, token) =>
        {
            var (customer, lines) = plans[i];
            using var response = await dispatcher.PostAsJsonAsync("/api/v1/invoices",
                new { customerId = customer, title = $"Repair {i}", lines, currency = "EUR", dueDate = due }, token);
            await EnsureAsync(response);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(token);
            invoices[i] = new BookedInvoice(body.GetProperty("id").GetString()!, customer, body.GetProperty("total").GetInt64());
        });
        return (company, invoices);
    }

    private static object[] Lines(Random random) => [.. Enumerable.Range(0, random.Next(1, 4)).Select(l => new
    {
        description = $"Work item {l}",
        quantity = random.Next(4) == 0 ? 1.5m : random.Next(1, 4),
        unitAmount = (long)random.Next(1_000, 40_000),
        taxRate = random.Next(4) == 0 ? 600 : 2300,
        discount = random.Next(5) == 0 ? 1000 : 0,
    })];

    /// <summary>The "id" of what a successful call made; throws with the answer when it failed.</summary>
    internal static async Task<string> IdOfAsync(HttpResponseMessage response)
    {
        using (response)
        {
            await EnsureAsync(response);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        }
    }

    private static async Task EnsureAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}

/// <summary>An issued invoice: its id, its customer, and the total it was issued for (minor units of EUR).</summary>
internal sealed record BookedInvoice(string Id, string CustomerId, long Total);

using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Documents;
using OrleansPortal.Grains.Payments.Records;
using OrleansPortal.Web.Documents;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Payments.Money;

/// <summary>
/// A company in Lisbon with money in its ledger, put there as the product puts it: invoices issued through the API,
/// payments recorded on the invoice grain (as the webhook will), attempts in the payment records. The app's business
/// clock stands at <see cref="Now"/>, so "today" is 15 December 2026.
/// </summary>
public sealed class MoneyScenario
{
    public static readonly DateTimeOffset Now = new(2026, 12, 15, 12, 0, 0, TimeSpan.Zero);

    private MoneyScenario(TenantScenario company, CustomerScenario customer)
    {
        Company = company;
        Customer = customer;
    }

    public TenantScenario Company { get; }

    public CustomerScenario Customer { get; }

    /// <summary>An app whose business clock reads <see cref="Now"/> (and keeps moving from there).</summary>
    public static PortalFactory NewApp()
    {
        var clock = new AdjustableClock();
        clock.Advance(Now - DateTimeOffset.UtcNow);
        return new PortalFactory { Clock = clock };
    }

    public static async Task<MoneyScenario> CreateAsync(PortalFactory app, string customerName = "Smith household")
    {
        var company = await TenantScenario.CreateAsync(app);
        (await company.Dispatcher.PutAsJsonAsync("/api/v1/dispatch/settings", new { timeZone = "Europe/Lisbon", autoAssign = false })).EnsureSuccessStatusCode();
        return new MoneyScenario(company, await CustomerScenario.CreateAsync(company, customerName));
    }

    public async Task<InvoiceDto> IssueAsync(string title, long unitAmount, string dueDate, decimal quantity = 1, string currency = "EUR")
    {
        var response = await Company.Dispatcher.PostAsJsonAsync("/api/v1/invoices", new
        {
            customerId = Customer.Id, title, currency, dueDate,
            lines = new[] { new { description = title, quantity, unitAmount } },
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<InvoiceDto>(ApiJson.Options))!;
    }

    /// <summary>
    /// The money the API and page tests read: three invoices, 160.00 not yet due (due 20 December); 123.45 due on
    /// 1 November with 23.45 of it paid (44 days late on 15 December); 50.00 paid in full. Attempts: two succeeded, one
    /// declined. Outstanding 260.00, overdue 100.00, success rate 2 of 3, received 73.45, invoiced 333.45.
    /// </summary>
    public async Task AddTheUsualMoneyAsync()
    {
        await IssueAsync("Spring start-up", 8_000, "2026-12-20", quantity: 2);
        var late = await IssueAsync("Valve repair", 12_345, "2026-11-01");
        var paid = await IssueAsync("Backflow test", 5_000, "2026-10-01");
        await PayAsync(late, 2_345, "pi_late");
        await PayAsync(paid, 5_000, "pi_paid");
        await AttemptAsync("pi_declined", PaymentStatus.Failed, 12_345, Now.AddHours(-2), late.Id);
        await AttemptAsync("pi_late", PaymentStatus.Succeeded, 2_345, Now.AddHours(-1), late.Id);
        await AttemptAsync("pi_paid", PaymentStatus.Succeeded, 5_000, Now.AddHours(-1), paid.Id);
        await ScheduleJobAsync(new DateTimeOffset(2027, 1, 11, 9, 0, 0, TimeSpan.Zero)); // the forecast's one job, in January
    }

    /// <summary>An open job with a two-hour window from <paramref name="start"/>, at a new property of the customer.</summary>
    public async Task ScheduleJobAsync(DateTimeOffset start)
    {
        var property = await Customer.AddPropertyAsync("Garden " + Guid.NewGuid().ToString("N")[..6]);
        (await Company.Dispatcher.PostAsJsonAsync("/api/v1/tickets", new
        {
            customerId = Customer.Id,
            propertyId = property.Id,
            location = new { latitude = 41.149, longitude = -8.606 },
            address = "Rua de Santa Catarina 1, Porto",
            description = "Winter check",
            estimatedMinutes = 60,
            arrivalWindow = new { start, end = start.AddHours(2) },
        })).EnsureSuccessStatusCode();
    }

    /// <summary>Money received for an invoice, recorded on its grain, as the payment webhook records it.</summary>
    public Task<Invoice> PayAsync(InvoiceDto invoice, long amount, string paymentId) =>
        Grains.GetGrain<IInvoiceGrain>(TenantKeys.For(Company.TenantId, invoice.Id)).RecordPaymentAsync(new MoneyMovement(amount, invoice.Currency, paymentId, "stripe"));

    /// <summary>A payment attempt as the provider reported it.</summary>
    public Task AttemptAsync(string paymentId, PaymentStatus status, long amount, DateTimeOffset at, params string[] invoiceIds) =>
        Company.App.Services.GetRequiredService<IPaymentRecords>().RecordAsync(new PaymentRecord(
            Company.TenantId, paymentId, Customer.Id, invoiceIds, amount, "EUR", "card", status, status == PaymentStatus.Failed ? "card_declined" : null, at, at));

    private IClusterClient Grains => Company.App.Services.GetRequiredService<IClusterClient>();
}

using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Documents;
using OrleansPortal.Grains.Payments.Plans;

namespace OrleansPortal.Web.Demo;

/// <summary>
/// The demo's money: a maintenance plan on offer, an open invoice (with VAT) and an estimate asking for a 30 % deposit
/// for the demo household, so its portal has something to pay, to subscribe to, and to approve with its deposit. Paying needs Stripe: with <c>Payments:Stripe</c> test-mode keys the Pay
/// and Subscribe buttons work; without them the portal shows the invoice and the plan, and no button. Fixed ids and
/// names, so a restarted demo seeds nothing twice.
/// </summary>
public sealed class DemoBilling(IClusterClient grains, DomainClock clock)
{
    public const string PlanName = "Cuidado da rega";
    public static readonly string InvoiceId = DemoIds.For("demo:household:invoice:spring");
    public static readonly string EstimateId = DemoIds.For("demo:household:estimate:drip");

    public async Task EnsureAsync()
    {
        var plans = grains.GetGrain<IMaintenancePlansGrain>(DemoCompany.TenantId);
        if (!(await plans.GetAllAsync()).Any(p => p.Terms.Name == PlanName))
            await plans.DefineAsync(new NewMaintenancePlan(PlanName, "Arranque na primavera, preparação para o inverno e uma verificação por mês.",
                Price: 1_500, DemoCompany.Currency, PlanInterval.Month, IntervalCount: 1, VisitsPerPeriod: 1, VisitMinutes: 45, ["irrigation"]));

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        try
        {
            await grains.GetGrain<IInvoiceGrain>(TenantKeys.For(DemoCompany.TenantId, InvoiceId)).IssueAsync(new NewInvoice(
                DemoCustomer.CustomerId, DemoCustomer.PropertyId, null, "Arranque da rega",
                [new LineItem("Visita de arranque", 1m, 6_000, taxRate: 2300), new LineItem("Aspersor rotativo", 2m, 1_250, taxRate: 2300, discount: 1000)],
                DemoCompany.Currency, today.AddDays(14), "dispatcher@porto-demo.example"));
        }
        catch (ConflictException)
        {
            // Issued by an earlier run.
        }

        await EnsureEstimateAsync();
    }

    /// <summary>Awaiting approval with a 30 % deposit, valid for a year from the first run (an earlier run's stays as it is).</summary>
    private async Task EnsureEstimateAsync()
    {
        try
        {
            await grains.GetGrain<IEstimateGrain>(TenantKeys.For(DemoCompany.TenantId, EstimateId)).CreateAsync(new NewEstimate(
                DemoCustomer.CustomerId, DemoCustomer.PropertyId, null, "Rega gota a gota no jardim das traseiras",
                [new LineItem("Tubo gota a gota (metros)", 40m, 180, taxRate: 2300), new LineItem("Programador de rega", 1m, 8_990, taxRate: 2300),
                    new LineItem("Instalação (horas)", 3m, 3_500, taxRate: 2300)],
                DemoCompany.Currency, clock.GetUtcNow().AddYears(1), "dispatcher@porto-demo.example", new DepositTerms(Rate: 3000, Amount: null)));
        }
        catch (ConflictException)
        {
            // Written by an earlier run.
        }
    }
}

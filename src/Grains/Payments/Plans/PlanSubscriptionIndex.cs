using OrleansPortal.Grains.Storage;

namespace OrleansPortal.Grains.Payments.Plans;

/// <summary><see cref="IPlanSubscriptionIndex"/> on table <c>plan_subscriptions</c> (PostgreSQL or SQLite).</summary>
public sealed class PlanSubscriptionIndex(PortalDatabase database) : IPlanSubscriptionIndex
{
    private const string Upsert =
        "INSERT INTO plan_subscriptions (tenant_id, subscription_id, customer_id, property_id, plan_id, plan_name, price, monthly, currency, " +
        "period_months, status, cancel_at_period_end, paid_until, created_at) VALUES (@tenant, @id, @customer, @property, @plan, @name, @price, " +
        "@monthly, @currency, @months, @status, @cancel, @paidUntil, @created) ON CONFLICT (tenant_id, subscription_id) DO UPDATE SET " +
        "status = excluded.status, cancel_at_period_end = excluded.cancel_at_period_end, paid_until = excluded.paid_until";

    public async Task UpsertAsync(string tenantId, PlanSubscriptionSnapshot s, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(s);
        var terms = s.Plan.Terms;
        await database.ExecuteAsync(Upsert, a =>
        {
            a.Add("@tenant", tenantId).Add("@id", s.SubscriptionId).Add("@customer", s.CustomerId).Add("@property", s.PropertyId)
                .Add("@plan", s.Plan.PlanId).Add("@name", terms.Name).Add("@price", terms.Price).Add("@monthly", s.Plan.MonthlyRevenue)
                .Add("@currency", terms.Currency.ToUpperInvariant()).Add("@months", s.Plan.PeriodMonths).Add("@status", StatusName(s.Status))
                .Add("@cancel", s.CancelAtPeriodEnd).AddTime("@created", s.CreatedAt);
            if (s.PaidUntil is { } until) a.AddTime("@paidUntil", until);
            else a.Add("@paidUntil", null);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ForCustomerAsync(string tenantId, string customerId, CancellationToken cancellationToken = default) =>
        await database.QueryAsync("SELECT subscription_id FROM plan_subscriptions WHERE tenant_id = @tenant AND customer_id = @customer ORDER BY created_at DESC",
            a => a.Add("@tenant", tenantId).Add("@customer", customerId), r => r.GetString(0), cancellationToken);

    /// <summary>The status as stored: awaiting_payment, active, past_due, paused, canceled.</summary>
    public static string StatusName(PlanSubscriptionStatus status) => status switch
    {
        PlanSubscriptionStatus.AwaitingPayment => "awaiting_payment",
        PlanSubscriptionStatus.PastDue => "past_due",
        _ => status.ToString().ToLowerInvariant(),
    };
}

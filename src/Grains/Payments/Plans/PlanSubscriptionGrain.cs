using System.Security.Cryptography;
using System.Text;
using Orleans;
using Orleans.Runtime;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Grains.Dispatch.Recurring;
using OrleansPortal.Grains.Documents;
using OrleansPortal.Grains.Payments.Dunning;
using OrleansPortal.Grains.Properties;

namespace OrleansPortal.Grains.Payments.Plans;

[GenerateSerializer, Alias("op.PlanSubscriptionState")]
public sealed class PlanSubscriptionState
{
    [Id(0)]
    public NewPlanSubscription? Details { get; set; }

    [Id(1)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(2)]
    public PlanSubscriptionStatus Status { get; set; }

    [Id(3)]
    public string? ProviderSubscriptionId { get; set; }

    [Id(4)]
    public bool CancelAtPeriodEnd { get; set; }

    [Id(5)]
    public List<PlanPeriod> Periods { get; set; } = [];

    [Id(6)]
    public int FailedPayments { get; set; }

    [Id(7)]
    public PlanPause? Pause { get; set; }

    [Id(8)]
    public int PauseChanges { get; set; }
}

public sealed class PlanSubscriptionGrain(
    [PersistentState("plan-subscription")] IPersistentState<PlanSubscriptionState> state, IPlanSubscriptionIndex index, DomainClock clock)
    : Grain, IPlanSubscriptionGrain
{
    private string TenantId => TenantKeys.Split(this.GetPrimaryKeyString()).TenantId;

    private string SubscriptionId => TenantKeys.Split(this.GetPrimaryKeyString()).LocalId;

    public async Task<PlanSubscriptionSnapshot> CreateAsync(NewPlanSubscription subscription)
    {
        if (state.State.Details is not null) throw new ConflictException($"Subscription {SubscriptionId} already exists.");
        state.State.Details = subscription;
        state.State.CreatedAt = clock.GetUtcNow();
        state.State.Status = PlanSubscriptionStatus.AwaitingPayment;
        return await SaveAsync();
    }

    public Task<PlanSubscriptionSnapshot> GetAsync() => Task.FromResult(Snapshot());

    public async Task<PlanSubscriptionSnapshot> LinkAsync(string providerSubscriptionId)
    {
        Snapshot();
        if (state.State.ProviderSubscriptionId == providerSubscriptionId) return Snapshot();
        state.State.ProviderSubscriptionId = providerSubscriptionId;
        return await SaveAsync();
    }

    public async Task<PlanSubscriptionSnapshot> PeriodPaidAsync(PeriodBill bill)
    {
        var subscription = Snapshot();
        if (state.State.Periods.FirstOrDefault(p => p.ProviderInvoiceId == bill.ProviderInvoiceId) is { SeriesId: not null }) return subscription;

        // A failure of this bill was remembered (and saved) before its dunning case was opened: only then is there one to close.
        var failedBefore = state.State.Periods.Any(p => p.ProviderInvoiceId == bill.ProviderInvoiceId);

        // Each step is keyed by the provider's invoice, so a delivery cut short is completed by the next one.
        var invoice = await EnsureInvoiceAsync(subscription, bill);
        await invoice.RecordPaymentAsync(new MoneyMovement(bill.Amount, bill.Currency, bill.ProviderInvoiceId, "stripe"));
        var seriesId = DerivedId("plan-visits", bill.ProviderInvoiceId);
        await ScheduleVisitsAsync(subscription, bill, seriesId);

        Remember(bill, invoice.GetPrimaryKeyString(), seriesId);
        if (state.State.Status != PlanSubscriptionStatus.Canceled) state.State.Status = PlanSubscriptionStatus.Active;
        state.State.FailedPayments = 0;
        var saved = await SaveAsync();
        if (failedBefore) await GrainFactory.GetGrain<IDunningGrain>(invoice.GetPrimaryKeyString()).ResolveAsync(); // a retry, or a payment any other way
        return saved;
    }

    public async Task<PlanSubscriptionSnapshot> PaymentFailedAsync(PeriodBill bill, int attempt)
    {
        var subscription = Snapshot();
        if (state.State.Periods.FirstOrDefault(p => p.ProviderInvoiceId == bill.ProviderInvoiceId) is { SeriesId: not null }) return subscription; // paid since
        var invoice = await EnsureInvoiceAsync(subscription, bill);
        Remember(bill, invoice.GetPrimaryKeyString(), seriesId: null);
        if (state.State.Status is not (PlanSubscriptionStatus.Canceled or PlanSubscriptionStatus.Paused)) state.State.Status = PlanSubscriptionStatus.PastDue;
        state.State.FailedPayments = Math.Max(state.State.FailedPayments, attempt);
        var saved = await SaveAsync();

        // Dunning retries on the company's schedule and reminds after each attempt; a case already open (this report
        // repeated, or the failure of one of its own retries) goes on as it is.
        var invoiceId = TenantKeys.Split(invoice.GetPrimaryKeyString()).LocalId;
        await GrainFactory.GetGrain<IDunningGrain>(invoice.GetPrimaryKeyString()).StartAsync(new DunningCase(DunningKind.PlanRenewal, invoiceId,
            subscription.CustomerId, bill.Amount, bill.Currency.ToUpperInvariant(), SubscriptionId, bill.ProviderInvoiceId, state.State.ProviderSubscriptionId));
        return saved;
    }

    public async Task<PlanSubscriptionSnapshot> SyncAsync(bool ended, PlanPause? pause, bool cancelAtPeriodEnd)
    {
        Snapshot();
        var status = ended ? PlanSubscriptionStatus.Canceled
            : pause is not null ? PlanSubscriptionStatus.Paused
            : state.State.Status == PlanSubscriptionStatus.Paused ? PlanSubscriptionStatus.Active
            : state.State.Status;
        pause = ended ? null : pause;
        var pauseChanged = pause != state.State.Pause;
        if (status == state.State.Status && cancelAtPeriodEnd == state.State.CancelAtPeriodEnd && !pauseChanged) return Snapshot();
        state.State.Status = status;
        state.State.CancelAtPeriodEnd = cancelAtPeriodEnd && !ended;
        state.State.Pause = pause;
        if (pauseChanged) state.State.PauseChanges++;
        return await SaveAsync();
    }

    private async Task<IInvoiceGrain> EnsureInvoiceAsync(PlanSubscriptionSnapshot subscription, PeriodBill bill)
    {
        var invoiceId = DerivedId("plan-invoice", bill.ProviderInvoiceId);
        var invoice = GrainFactory.GetGrain<IInvoiceGrain>(TenantKeys.For(TenantId, invoiceId));
        var terms = subscription.Plan.Terms;
        var zone = await ZoneAsync();
        var from = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(bill.Start, zone).DateTime);
        var to = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(bill.End, zone).DateTime);
        try
        {
            await invoice.IssueAsync(new NewInvoice(subscription.CustomerId, subscription.PropertyId, null, $"{terms.Name}, {from:yyyy-MM-dd} to {to:yyyy-MM-dd}",
                [new LineItem(terms.Name, 1m, bill.Amount)], bill.Currency.ToUpperInvariant(), from, "stripe"));
        }
        catch (ConflictException)
        {
            // Issued by an earlier delivery of this bill.
        }

        return invoice;
    }

    private async Task ScheduleVisitsAsync(PlanSubscriptionSnapshot subscription, PeriodBill bill, string seriesId)
    {
        var property = await GrainFactory.GetGrain<IPropertyGrain>(TenantKeys.For(TenantId, subscription.PropertyId)).GetAsync();
        var timeZone = (await GrainFactory.GetGrain<IDispatchGrain>(TenantId).GetSettingsAsync()).TimeZone;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(timeZone)).DateTime);
        var job = PlanVisits.For(subscription.Plan, subscription.CustomerId, subscription.PropertyId, property, bill.Start, bill.End, timeZone, today);
        try
        {
            await GrainFactory.GetGrain<IRecurringJobGrain>(TenantKeys.For(TenantId, seriesId)).CreateAsync(job, $"plan:{SubscriptionId}");
        }
        catch (ConflictException)
        {
            // Scheduled by an earlier delivery of this bill.
        }
    }

    private async Task<TimeZoneInfo> ZoneAsync() =>
        TimeZoneInfo.FindSystemTimeZoneById((await GrainFactory.GetGrain<IDispatchGrain>(TenantId).GetSettingsAsync()).TimeZone);

    private void Remember(PeriodBill bill, string invoiceKey, string? seriesId)
    {
        var period = new PlanPeriod(bill.Start, bill.End, bill.ProviderInvoiceId, TenantKeys.Split(invoiceKey).LocalId, seriesId);
        state.State.Periods = [.. state.State.Periods.Where(p => p.ProviderInvoiceId != bill.ProviderInvoiceId), period];
        state.State.Periods.Sort((a, b) => a.Start.CompareTo(b.Start));
    }

    // State first, then the index the money view and lists read; an index behind by a failed write is rewritten by the next change.
    private async Task<PlanSubscriptionSnapshot> SaveAsync()
    {
        await state.WriteStateAsync();
        var snapshot = Snapshot();
        await index.UpsertAsync(TenantId, snapshot);
        return snapshot;
    }

    /// <summary>A grain id (32 hex characters) that a provider's id always maps to, for documents made from it.</summary>
    private static string DerivedId(string kind, string providerId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}:{providerId}")))[..32];

    private PlanSubscriptionSnapshot Snapshot()
    {
        var s = state.State;
        var details = s.Details ?? throw new NotFoundException($"Subscription {SubscriptionId} does not exist.");
        return new PlanSubscriptionSnapshot(SubscriptionId, details.CustomerId, details.PropertyId, details.Plan, s.Status, s.ProviderSubscriptionId,
            s.CancelAtPeriodEnd, [.. s.Periods], s.FailedPayments, s.CreatedAt, details.CreatedBy, s.Pause, s.PauseChanges);
    }
}

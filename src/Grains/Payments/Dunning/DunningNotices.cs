using Orleans;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Grains.Documents;
using OrleansPortal.Grains.Notifications.Documents;
using OrleansPortal.Grains.Notifications.Templates;

namespace OrleansPortal.Grains.Payments.Dunning;

/// <summary>What a dunning case tells: the payers after each failed attempt, and the office when the case is given up.</summary>
public sealed class DunningNotices(IGrainFactory grains, InvoiceNotices notices)
{
    /// <summary>The payment reminder of the case's latest attempt: its number, and the next retry's date in the company's calendar (none after the last).</summary>
    public async Task AttemptFailedAsync(string tenantId, DunningSnapshot snapshot)
    {
        var invoice = await InvoiceAsync(tenantId, snapshot);
        var zone = await ZoneAsync(tenantId);
        DateOnly? next = snapshot.NextRetryAt is { } at ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime) : null;
        var planPaused = snapshot.Status == DunningStatus.GaveUp && snapshot.Case.Kind == DunningKind.PlanRenewal;
        await notices.QueueFailedPaymentAsync(tenantId, invoice, snapshot.Attempts[^1].Number, next, planPaused);
    }

    /// <summary>The board's alert for a case given up: what failed, how often, and what follows.</summary>
    public async Task<DispatchAlert> GaveUpAlertAsync(string tenantId, DunningSnapshot snapshot, string alertId)
    {
        var invoice = await InvoiceAsync(tenantId, snapshot);
        var amount = LocalizedText.Money(new Money(snapshot.Case.Amount, snapshot.Case.Currency), "en");
        var what = snapshot.Case.Kind == DunningKind.PlanRenewal ? "The maintenance plan's renewal" : "The autopay charge";
        var then = snapshot.Case.Kind == DunningKind.PlanRenewal ? "the plan is paused" : "no more retries are made";
        var message = $"{what} of invoice {invoice.DisplayNumber} ({amount}) failed {snapshot.Attempts.Count} times: {then}.";
        return new DispatchAlert(alertId, AlertKind.PaymentFailed, message, snapshot.ClosedAt ?? snapshot.OpenedAt, null, null,
            CustomerId: snapshot.Case.CustomerId, InvoiceId: snapshot.Case.InvoiceId);
    }

    private Task<Invoice> InvoiceAsync(string tenantId, DunningSnapshot snapshot) =>
        grains.GetGrain<IInvoiceGrain>(TenantKeys.For(tenantId, snapshot.Case.InvoiceId)).GetAsync();

    private async Task<TimeZoneInfo> ZoneAsync(string tenantId) =>
        TimeZoneInfo.FindSystemTimeZoneById((await grains.GetGrain<IDispatchGrain>(tenantId).GetSettingsAsync()).TimeZone);
}

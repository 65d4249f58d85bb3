using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Runtime;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Grains.Documents;
using OrleansPortal.Grains.Notifications.Documents;
using OrleansPortal.Grains.Payments.Reports;

namespace OrleansPortal.Grains.Payments.Dunning;

[GenerateSerializer, Alias("op.OverdueRemindersState")]
public sealed class OverdueRemindersState
{
    /// <summary>By invoice id, the highest step (days past due) reminded. Kept after payment, so an invoice owing again never repeats a step.</summary>
    [Id(0)]
    public Dictionary<string, int> Sent { get; set; } = [];
}

/// <summary>
/// One Orleans reminder per company rather than a grain timer: it survives restarts and deactivation, and the reminder
/// service fires it on one silo of the cluster. Steps are recorded in state after the messages are queued; the
/// outbox's delivery key ("PaymentReminder:{invoice}:due+{step}") stores a message once, so a crash between the two
/// repeats nothing. An invoice found further overdue than a step it missed (the scheduler was not running) gets only
/// the latest step, not a burst of all of them. Invoices whose failed payment is being retried are left to dunning.
/// </summary>
public sealed class OverdueRemindersGrain(
    [PersistentState("overdue-reminders")] IPersistentState<OverdueRemindersState> state,
    IMoneyReports reports,
    InvoiceNotices notices,
    IOptions<DunningOptions> options,
    DomainClock clock,
    ILogger<OverdueRemindersGrain> logger) : Grain, IOverdueRemindersGrain
{
    public const string ReminderName = "overdue";

    public static IReadOnlyList<int> Steps { get; } = [3, 7, 14];

    private string TenantId => this.GetPrimaryKeyString();

    public async Task EnsureScheduledAsync()
    {
        if (await this.GetReminder(ReminderName) is null)
            await this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromMinutes(1), options.Value.OverdueCheckPeriod);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => RunAsync();

    public async Task<int> RunAsync()
    {
        var timeZone = (await GrainFactory.GetGrain<IDispatchGrain>(TenantId).GetSettingsAsync()).TimeZone;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(timeZone)).DateTime);
        var outstanding = await reports.OutstandingAsync(new MoneyPeriod(TenantId, today, today, today, timeZone));
        var dunning = (await GrainFactory.GetGrain<IDunningCasesGrain>(TenantId).ListAsync(null))
            .Where(c => c.Status != DunningStatus.Resolved).Select(c => c.CaseId).ToHashSet(StringComparer.Ordinal);

        var queued = 0;
        foreach (var invoice in outstanding)
        {
            var step = Steps.LastOrDefault(s => invoice.DaysPastDue >= s);
            if (step == 0 || state.State.Sent.GetValueOrDefault(invoice.InvoiceId) >= step || dunning.Contains(invoice.InvoiceId)) continue;
            var details = await GrainFactory.GetGrain<IInvoiceGrain>(TenantKeys.For(TenantId, invoice.InvoiceId)).GetAsync();
            await notices.QueueOverdueAsync(TenantId, details, step);
            state.State.Sent[invoice.InvoiceId] = step;
            await state.WriteStateAsync();
            queued++;
        }

        if (queued > 0) logger.LogInformation("Overdue reminders for {Tenant}: {Count} queued", TenantId, queued);
        return queued;
    }
}

using Orleans;

namespace OrleansPortal.Grains.Payments.Dunning;

/// <summary>
/// A company's overdue-invoice reminders, keyed by tenant id: on its Orleans reminder it reads the open invoices from
/// the ledger (by their due date) and reminds the payers of each at due +3, +7 and +14 days, each step once.
/// </summary>
[Alias("op.IOverdueRemindersGrain")]
public interface IOverdueRemindersGrain : IGrainWithStringKey, IRemindable
{
    /// <summary>
    /// Makes sure the company's reminder exists. The dispatch grain calls it on activation, which may be the activation a
    /// run of this grain caused (it asks dispatch for the time zone): interleaving breaks that cycle, and it only
    /// touches the reminder.
    /// </summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task EnsureScheduledAsync();

    /// <summary>Sends what is due now, as a tick of the reminder does; returns how many reminders were queued.</summary>
    Task<int> RunAsync();
}

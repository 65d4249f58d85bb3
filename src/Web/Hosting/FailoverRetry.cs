using System.Diagnostics;
using Orleans.Runtime;

namespace OrleansPortal.Web.Hosting;

/// <summary>
/// Waits out a node's failure for reads that a live connection cannot start without. Between a node dying and the
/// cluster declaring it dead (seconds: see docs/silo.md), calls to grains that lived there are rejected as their silo
/// is unreachable; once it is declared dead, they reactivate on the survivors. A hub's OnConnectedAsync that failed on
/// such a rejection would end the connection for good (SignalR clients do not reconnect after the server closes with
/// an error), so a dashboard that reconnects to a survivor mid-failover would go offline; with this it gets its
/// snapshot a few seconds late instead.
/// <para>
/// Only for calls that may run twice (reads, subscriptions that are forgotten when they fail): a rejected call may
/// also be one whose silo died after it acted.
/// </para>
/// </summary>
public static class FailoverRetry
{
    /// <summary>About three times the membership's detection time: past it, the failure is not a failover.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(2);

    public static async Task<T> RunAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var delay = FirstDelay;
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception ex) when (ex is SiloUnavailableException or OrleansMessageRejectionException && Stopwatch.GetElapsedTime(started) < Limit)
            {
                await Task.Delay(delay, cancellationToken);
                delay = delay * 2 < LongestDelay ? delay * 2 : LongestDelay;
            }
        }
    }

    public static Task RunAsync(Func<Task> call, CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            await call();
            return true;
        }, cancellationToken);
}

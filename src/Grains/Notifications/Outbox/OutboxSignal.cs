namespace OrleansPortal.Grains.Notifications.Outbox;

/// <summary>
/// Wakes this node's outbox sender when a message was queued here, so a message due now does not wait for the next
/// poll. Other nodes find it at their next poll. Thread-safe; a signal raised while nobody waits is kept for the next wait.
/// </summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _raised = new(0, 1);

    public void Raise()
    {
        try
        {
            _raised.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already raised and not yet taken: one wake-up serves every message queued meanwhile.
        }
    }

    /// <summary>Waits until raised or <paramref name="timeout"/> passed.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _raised.WaitAsync(timeout, cancellationToken);
}

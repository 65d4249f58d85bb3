namespace OrleansPortal.Grains.Technicians.History;

/// <summary>
/// What one <see cref="IPingHistory.StoreAsync"/> call waits for: all of its pings stored. Its pings may be split across
/// batches; the writer counts each stored one off, and the first failure fails the whole receipt (the pings stored
/// before it stay stored, and a retry of the call is recognised as duplicates for those).
/// </summary>
internal sealed class PingReceipt(int count)
{
    // Completed by the writer: the caller's continuation must not run on the writer's loop.
    private readonly TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int remaining = count;

    public Task Stored => done.Task;

    public void CountStored()
    {
        if (Interlocked.Decrement(ref remaining) == 0) done.TrySetResult();
    }

    public void Fail(Exception exception) => done.TrySetException(exception);
}

namespace Orleans.Hosting;

/// <summary>Runs the registered start-up tasks once, whoever asks first (the host, or the app before the host starts).</summary>
internal sealed class SiloStartup(IServiceProvider services, IEnumerable<SiloStartupTask> tasks)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _done;

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_done) return;
            foreach (var task in tasks) await task.RunAsync(services, cancellationToken).ConfigureAwait(false);
            _done = true;
        }
        finally
        {
            _gate.Release();
        }
    }
}

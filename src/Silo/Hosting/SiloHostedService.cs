using Microsoft.Extensions.Hosting;
using Orleans.Runtime;

namespace Orleans.Hosting;

/// <summary>Starts the silo with the host (start-up tasks, then the runtime, then reminders) and stops it in reverse.</summary>
internal sealed class SiloHostedService(SiloStartup startup, SiloRuntime runtime, ReminderService reminders) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await startup.RunOnceAsync(cancellationToken).ConfigureAwait(false);
        runtime.Start();
        await reminders.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await reminders.DisposeAsync().ConfigureAwait(false);
        await runtime.StopAsync(cancellationToken).ConfigureAwait(false);
    }
}

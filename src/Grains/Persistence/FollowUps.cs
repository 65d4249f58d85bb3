using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;

namespace OrleansPortal.Grains.Persistence;

/// <summary>
/// The steps that follow a stored change: an index row, a registration with another grain, an event. The change is
/// durable once its write returned, so a failure after it must not turn the caller's answer into an error: the
/// caller would take the change for not applied and send it again (a duplicate, or a refused write that shows up
/// later). A step that fails is logged and retried by a grain timer until it succeeds; each step is idempotent. If the
/// activation ends first (the process dies), the step waits for the next change that runs it again.
/// </summary>
public static partial class FollowUps
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(5);

    public static async Task RunAfterStoredAsync(this Grain grain, ILogger logger, string what, Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (Exception ex)
        {
            StepFailed(logger, ex, what, grain.GetGrainId());
            IGrainTimer? retry = null;
            retry = grain.RegisterGrainTimer(async _ =>
            {
                try
                {
                    await step();
                    retry?.Dispose();
                }
                catch (Exception again)
                {
                    StepFailed(logger, again, what, grain.GetGrainId());
                }
            }, RetryEvery, RetryEvery);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "After a stored change of {Grain}, {What} failed; retrying every 5 s")]
    private static partial void StepFailed(ILogger logger, Exception exception, string what, GrainId grain);
}

using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Orleans.Diagnostics;

/// <summary>The runtime's log events, source-generated so the hot paths do no formatting when a level is off.</summary>
internal sealed partial class SiloLog(ILogger logger)
{
    private readonly ILogger _logger = logger;

    [LoggerMessage(1, LogLevel.Warning, "Activation of {GrainId} failed")]
    public partial void ActivationFailed(GrainId grainId, Exception exception);

    [LoggerMessage(2, LogLevel.Warning, "OnDeactivateAsync of {GrainId} failed")]
    public partial void DeactivationFailed(GrainId grainId, Exception exception);

    [LoggerMessage(3, LogLevel.Debug, "Deactivated {GrainId}: {Reason}")]
    public partial void Deactivated(GrainId grainId, string reason);

    [LoggerMessage(4, LogLevel.Warning, "{Call} timed out after {Timeout}")]
    public partial void CallTimedOut(string call, TimeSpan timeout);

    [LoggerMessage(5, LogLevel.Error, "A work item of {GrainId} threw outside any grain call")]
    public partial void WorkItemFailed(GrainId grainId, Exception exception);

    [LoggerMessage(6, LogLevel.Warning, "Timer tick of {GrainId} failed")]
    public partial void TimerTickFailed(GrainId grainId, Exception exception);

    [LoggerMessage(7, LogLevel.Warning, "Reminder {ReminderName} of {GrainId} failed")]
    public partial void ReminderFailed(GrainId grainId, string reminderName, Exception exception);

    [LoggerMessage(8, LogLevel.Warning, "Delivery of a {StreamId} event to {Subscriber} failed")]
    public partial void StreamDeliveryFailed(string streamId, string subscriber, Exception exception);

    [LoggerMessage(9, LogLevel.Warning, "{GrainId} received a {StreamId} event but has no handler for it; subscribe in OnActivateAsync")]
    public partial void StreamHandlerMissing(GrainId grainId, string streamId);
}

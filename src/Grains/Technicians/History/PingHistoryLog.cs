using Microsoft.Extensions.Logging;

namespace OrleansPortal.Grains.Technicians.History;

/// <summary>The ping history's log events, source-generated so a disabled level costs nothing on the write path.</summary>
internal static partial class PingHistoryLog
{
    [LoggerMessage(1, LogLevel.Error, "Writing {Count} pings to {Target} failed (attempt {Attempt}); retrying in {RetryIn} (none: refused to their callers), {Queued} more queued")]
    public static partial void WriteFailed(ILogger logger, Exception exception, int count, string target, int attempt, TimeSpan? retryIn, int queued);

    [LoggerMessage(2, LogLevel.Information, "Wrote {Count} pings to {Target} after {Attempts} attempts")]
    public static partial void WriteRecovered(ILogger logger, int count, string target, int attempts);

    [LoggerMessage(3, LogLevel.Error, "The ping history queue is full ({Capacity} pings): refusing new pings until the database catches up")]
    public static partial void QueueFull(ILogger logger, int capacity);

    [LoggerMessage(4, LogLevel.Error, "{Target} refused the ping of technician {TechnicianId} of tenant {TenantId} at {FixTime}; dropped it")]
    public static partial void PingRefused(ILogger logger, Exception exception, string target, string technicianId, string tenantId, DateTimeOffset fixTime);

    [LoggerMessage(5, LogLevel.Error, "The ping history stopped before storing {Count} pings: {Target} did not take them in time")]
    public static partial void StoppedWithPingsLeft(ILogger logger, long count, string target);
}

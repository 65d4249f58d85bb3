using Orleans.Runtime;

namespace Orleans;

/// <summary>A durable reminder as stored: it first fires at <see cref="StartAt"/>, then every <see cref="Period"/>.</summary>
public sealed record ReminderEntry(GrainId GrainId, string ReminderName, DateTimeOffset StartAt, TimeSpan Period, string? ETag = null);

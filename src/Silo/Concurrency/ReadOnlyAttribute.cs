namespace Orleans.Concurrency;

/// <summary>This method does not change grain state, so it may interleave with other read-only requests.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadOnlyAttribute : Attribute;

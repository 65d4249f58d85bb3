namespace Orleans.Concurrency;

/// <summary>
/// Requests to this grain class may interleave at await points. Turns still never run in parallel: only one
/// piece of grain code runs at a time, but a request may start while another is awaiting.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ReentrantAttribute : Attribute;

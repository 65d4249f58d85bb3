namespace Orleans.Concurrency;

/// <summary>
/// The runtime may create several activations of one grain id (up to <see cref="MaxLocalWorkers"/>, default the
/// core count) and spread calls over them. Use for stateless fan-out or batching work; each activation is still
/// single-threaded.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class StatelessWorkerAttribute(int maxLocalWorkers = 0) : Attribute
{
    public int MaxLocalWorkers { get; } = maxLocalWorkers > 0 ? maxLocalWorkers : Environment.ProcessorCount;
}

using System.Diagnostics.Metrics;
using Orleans.Runtime;

namespace Orleans.Diagnostics;

/// <summary>
/// The runtime's System.Diagnostics.Metrics instruments (meter "OrleansPortal.Silo"): calls (a counter, so a
/// collector derives calls/s), timeouts, activations and the number of messages waiting in activation queues.
/// </summary>
internal sealed class SiloMetrics
{
    public const string MeterName = "OrleansPortal.Silo";

    private readonly Meter _meter;
    private readonly Counter<long> _calls;
    private readonly Counter<long> _timeouts;
    private readonly Counter<long> _activationsCreated;
    private readonly Counter<long> _activationsDestroyed;

    public SiloMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _calls = _meter.CreateCounter<long>("orleans.grain.calls", "{call}", "Grain calls sent.");
        _timeouts = _meter.CreateCounter<long>("orleans.grain.call_timeouts", "{call}", "Grain calls whose caller gave up after the response timeout.");
        _activationsCreated = _meter.CreateCounter<long>("orleans.grain.activations.created", "{activation}");
        _activationsDestroyed = _meter.CreateCounter<long>("orleans.grain.activations.destroyed", "{activation}");
    }

    public void Observe(SiloRuntime runtime)
    {
        _meter.CreateObservableUpDownCounter("orleans.grain.activations", () => runtime.Catalog.Count, "{activation}", "Live activations.");
        _meter.CreateObservableGauge("orleans.grain.queue_length", () => runtime.Catalog.All.Sum(a => a.WaitingCount), "{message}", "Messages waiting for their turn.");
    }

    public void CallSent() => _calls.Add(1);

    public void CallTimedOut() => _timeouts.Add(1);

    public void ActivationCreated() => _activationsCreated.Add(1);

    public void ActivationDestroyed() => _activationsDestroyed.Add(1);
}

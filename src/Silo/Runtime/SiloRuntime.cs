using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Diagnostics;

namespace Orleans.Runtime;

/// <summary>
/// The silo's core: sends grain calls to activations (creating them on first use), and runs the periodic
/// housekeeping (idle collection, call timeouts). One instance per silo, created by DI.
/// </summary>
internal sealed class SiloRuntime : IAsyncDisposable
{
    private readonly IIncomingGrainCallFilter[] _incomingFilters;
    private readonly IOutgoingGrainCallFilter[] _outgoingFilters;
    private ITimer? _collector;
    private ITimer? _timeoutSweeper;

    public SiloRuntime(
        IServiceProvider services,
        IOptions<SiloMessagingOptions> messaging,
        IOptions<GrainCollectionOptions> collection,
        IEnumerable<GrainAssembly> grainAssemblies,
        TimeProvider timeProvider,
        ILogger<SiloRuntime> logger,
        SiloMetrics metrics)
    {
        Services = services;
        Options = messaging.Value;
        CollectionOptions = collection.Value;
        TimeProvider = timeProvider;
        Log = new SiloLog(logger);
        Metrics = metrics;
        Registry = new GrainTypeRegistry(grainAssemblies.Select(a => a.Assembly).Append(typeof(SiloRuntime).Assembly).Append(Assembly.GetEntryAssembly()).OfType<Assembly>());
        Catalog = new Catalog(this);
        GrainFactory = new GrainFactory(this);
        _incomingFilters = services.GetServices<IIncomingGrainCallFilter>().ToArray();
        _outgoingFilters = services.GetServices<IOutgoingGrainCallFilter>().ToArray();
        metrics.Observe(this);
    }

    public IServiceProvider Services { get; }

    public SiloMessagingOptions Options { get; }

    public GrainCollectionOptions CollectionOptions { get; }

    public TimeProvider TimeProvider { get; }

    public SiloLog Log { get; }

    public SiloMetrics Metrics { get; }

    public GrainTypeRegistry Registry { get; }

    public Catalog Catalog { get; }

    public GrainFactory GrainFactory { get; }

    public ReminderService Reminders => Services.GetRequiredService<ReminderService>();

    public void Start()
    {
        var quantum = CollectionOptions.CollectionQuantum;
        _collector = TimeProvider.CreateTimer(_ => CollectIdle(), null, quantum, quantum);
        var sweep = TimeSpan.FromTicks(Math.Clamp(Options.ResponseTimeout.Ticks / 4, TimeSpan.TicksPerMillisecond * 50, TimeSpan.TicksPerSecond));
        _timeoutSweeper = TimeProvider.CreateTimer(_ => ExpireTimedOutCalls(), null, sweep, sweep);
    }

    /// <summary>Deactivates every activation (running OnDeactivateAsync) and stops housekeeping.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _collector?.Dispose();
        await Task.WhenAll(Catalog.All.Select(a => a.DeactivateForShutdown())).WaitAsync(cancellationToken).ConfigureAwait(false);
        _timeoutSweeper?.Dispose();
    }

    public T CreateReference<T>(GrainId grainId)
    {
        var (classInfo, interfaceInfo) = Registry.Resolve(typeof(T));
        return GrainReference.Create<T>(this, grainId, classInfo, interfaceInfo);
    }

    /// <summary>A reference typed by an interface that many grain classes implement (IRemindable), bound to the class named in the id.</summary>
    public T CreateReferenceByTypeName<T>(GrainId grainId) =>
        GrainReference.Create<T>(this, grainId, Registry.GetByTypeName(grainId.Type), GrainInterfaceInfo.For(typeof(T)));

    /// <summary>Sends one grain call: runs it inline when the target is idle, otherwise queues it at the activation.</summary>
    public Task InvokeMethod<T>(GrainReference target, MethodSpec<T> spec, object?[] args)
    {
        var chainId = CallContext.Current?.ChainId ?? CallContext.NewChainId();
        Metrics.CallSent();
        if (_outgoingFilters.Length > 0) return OutgoingGrainCallContext<T>.Run(this, target, spec, args, chainId, _outgoingFilters);
        return Send(target, spec, args, chainId);
    }

    internal Task Send<T>(GrainReference target, MethodSpec<T> spec, object?[] args, long chainId)
    {
        var inline = Options.MaxInlineDepth > 0 && _incomingFilters.Length == 0 && !target.ClassInfo.IsCallFilter;
        var activation = Catalog.GetOrCreate(target.GrainId, target.ClassInfo);
        if (inline && activation.TryInvokeInline(spec, args, chainId) is { } done) return done;

        var request = new Request<T>(spec, args, chainId, DeadlineFor(Options.ResponseTimeout));
        while (!activation.Enqueue(request)) activation = Catalog.GetOrCreate(target.GrainId, target.ClassInfo);
        return request.Task;
    }

    /// <summary>Delivers a message that is not an interface call (a stream event) to the grain, activating it if needed.</summary>
    public void SendMessage(GrainId grainId, Message message)
    {
        var classInfo = Registry.GetByTypeName(grainId.Type);
        while (!Catalog.GetOrCreate(grainId, classInfo).Enqueue(message)) { }
    }

    /// <summary>Re-routes a message that waited at an activation which deactivated before admitting it.</summary>
    public void Resend(Message message)
    {
        if (message.FollowsGrain) SendMessage(message.Target!.GrainId, message);
    }

    public IIncomingGrainCallFilter[]? IncomingFiltersFor(ActivationData activation)
    {
        if (!activation.ClassInfo.IsCallFilter) return _incomingFilters.Length == 0 ? null : _incomingFilters;
        return [.. _incomingFilters, (IIncomingGrainCallFilter)activation.GrainInstance!];
    }

    public long DeadlineFor(TimeSpan timeout) =>
        timeout == Timeout.InfiniteTimeSpan ? long.MaxValue : TimeProvider.GetTimestamp() + Ticks(timeout);

    public long Ticks(TimeSpan span) => (long)(span.TotalSeconds * TimeProvider.TimestampFrequency);

    private void CollectIdle()
    {
        var now = TimeProvider.GetTimestamp();
        foreach (var activation in Catalog.All)
        {
            var age = activation.ClassInfo.CollectionAge
                ?? (CollectionOptions.ClassSpecificCollectionAge.TryGetValue(activation.ClassInfo.ClassType.FullName!, out var specific) ? specific : CollectionOptions.CollectionAge);
            activation.TryCollect(now, Ticks(age));
        }
    }

    private void ExpireTimedOutCalls()
    {
        var now = TimeProvider.GetTimestamp();
        foreach (var activation in Catalog.All)
        {
            var expired = activation.TakeExpired(now);
            if (expired is null) continue;
            foreach (var m in expired)
            {
                Log.CallTimedOut(m.Describe(), Options.ResponseTimeout);
                Metrics.CallTimedOut();
                m.SetFailed(new TimeoutException($"{m.Describe()} did not complete within {Options.ResponseTimeout}."));
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _collector?.Dispose();
        _timeoutSweeper?.Dispose();
        return ValueTask.CompletedTask;
    }
}

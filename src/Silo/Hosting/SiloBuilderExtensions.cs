using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Runtime;
using Orleans.Storage;
using Orleans.Streams;

namespace Orleans.Hosting;

/// <summary>The silo's configuration verbs, named as in Orleans where Orleans has one.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>Registers the grain classes of <paramref name="assembly"/> (assemblies already loaded are scanned anyway).</summary>
    public static ISiloBuilder AddGrainAssembly(this ISiloBuilder builder, Assembly assembly)
    {
        builder.Services.AddSingleton(new GrainAssembly(assembly));
        return builder;
    }

    public static ISiloBuilder AddMemoryGrainStorage(this ISiloBuilder builder, string name)
    {
        builder.Services.AddKeyedSingleton<IGrainStorage>(name, new MemoryGrainStorage());
        return builder;
    }

    public static ISiloBuilder AddMemoryGrainStorageAsDefault(this ISiloBuilder builder) =>
        builder.AddMemoryGrainStorage(PersistentStateAttribute.DefaultStorageName);

    /// <summary>Reminders kept in memory only: they do not survive a restart. Replaced by UseAdoNetReminderService.</summary>
    public static ISiloBuilder UseInMemoryReminderService(this ISiloBuilder builder)
    {
        builder.Services.Replace(ServiceDescriptor.Singleton<IReminderTable, InMemoryReminderTable>());
        return builder;
    }

    /// <summary>In-memory streams under <paramref name="name"/>; durable grain subscriptions go to the "PubSubStore" storage if registered.</summary>
    public static ISiloBuilder AddMemoryStreams(this ISiloBuilder builder, string name)
    {
        builder.Services.AddKeyedSingleton<IStreamProvider>(name, (sp, _) => new MemoryStreamProvider(
            name, sp.GetRequiredService<Lazy<SiloRuntime>>(), sp.GetKeyedService<IGrainStorage>(MemoryStreamProvider.PubSubStoreName)));
        return builder;
    }

    public static ISiloBuilder AddIncomingGrainCallFilter<TFilter>(this ISiloBuilder builder) where TFilter : class, IIncomingGrainCallFilter
    {
        builder.Services.AddSingleton<IIncomingGrainCallFilter, TFilter>();
        return builder;
    }

    public static ISiloBuilder AddIncomingGrainCallFilter(this ISiloBuilder builder, Func<IIncomingGrainCallContext, Task> filter)
    {
        builder.Services.AddSingleton<IIncomingGrainCallFilter>(new DelegateIncomingFilter(filter));
        return builder;
    }

    public static ISiloBuilder AddOutgoingGrainCallFilter<TFilter>(this ISiloBuilder builder) where TFilter : class, IOutgoingGrainCallFilter
    {
        builder.Services.AddSingleton<IOutgoingGrainCallFilter, TFilter>();
        return builder;
    }

    public static ISiloBuilder AddOutgoingGrainCallFilter(this ISiloBuilder builder, Func<IOutgoingGrainCallContext, Task> filter)
    {
        builder.Services.AddSingleton<IOutgoingGrainCallFilter>(new DelegateOutgoingFilter(filter));
        return builder;
    }

    /// <summary>Runs <paramref name="task"/> at start-up, before the silo takes calls; a failure stops the start.</summary>
    public static ISiloBuilder AddStartupTask(this ISiloBuilder builder, string name, Func<IServiceProvider, CancellationToken, Task> task)
    {
        builder.Services.AddSingleton(new SiloStartupTask(name, task));
        return builder;
    }

    public static ISiloBuilder Configure<TOptions>(this ISiloBuilder builder, Action<TOptions> configure) where TOptions : class
    {
        builder.Services.Configure(configure);
        return builder;
    }

    private sealed class DelegateIncomingFilter(Func<IIncomingGrainCallContext, Task> filter) : IIncomingGrainCallFilter
    {
        public Task Invoke(IIncomingGrainCallContext context) => filter(context);
    }

    private sealed class DelegateOutgoingFilter(Func<IOutgoingGrainCallContext, Task> filter) : IOutgoingGrainCallFilter
    {
        public Task Invoke(IOutgoingGrainCallContext context) => filter(context);
    }
}

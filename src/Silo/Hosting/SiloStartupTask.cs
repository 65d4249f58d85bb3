namespace Orleans.Hosting;

/// <summary>Work the silo does at start-up before it takes calls (creating storage schemas, for example), in registration order.</summary>
internal sealed record SiloStartupTask(string Name, Func<IServiceProvider, CancellationToken, Task> RunAsync);

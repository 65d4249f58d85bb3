using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OrleansPortal.Grains;

namespace OrleansPortal.Web.Demo;

/// <summary>
/// Replays real Porto taxi traces as technicians driving, through the public OsmAnd endpoint, as a tracking app
/// would, in real time and pass after pass until the app stops (<see cref="DemoTimeline"/>). Each fix is stamped
/// with the moment it is sent: an earlier version stamped fixes 23 hours in the past to replay them ten times faster,
/// so the map showed technicians moving whose track had no fix in the last hour, and who all raised "no signal".
/// </summary>
public sealed partial class DemoReplay(
    DemoCompany company, DemoJobs jobs, IServer server, IHostApplicationLifetime lifetime, DomainClock clock, ILogger<DemoReplay> logger) : BackgroundService
{
    public const int Technicians = 20;
    internal static readonly string TracesPath = Path.Combine(AppContext.BaseDirectory, "samples", "gps", "porto", "train_1500.csv");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await WhenStartedAsync(stoppingToken);
        var tokens = await company.PrepareAsync(Technicians);
        await jobs.SeedAsync();
        var timeline = DemoTimeline.Build(PortoTrips.Read(TracesPath), tokens.Count);
        using var http = new HttpClient { BaseAddress = OwnAddress() };
        LogStarted(logger, DemoCompany.DispatcherEmail, timeline.Fixes.Count, http.BaseAddress);

        for (var pass = 1; !stoppingToken.IsCancellationRequested; pass++)
        {
            var started = clock.GetUtcNow();
            for (var i = 0; i < timeline.Fixes.Count && !stoppingToken.IsCancellationRequested; i++)
            {
                var fix = timeline.Fixes[i];
                var due = started + fix.Offset;
                var wait = due - clock.GetUtcNow();
                if (wait > TimeSpan.Zero) await Task.Delay(wait, stoppingToken);
                var url = string.Create(CultureInfo.InvariantCulture,
                    $"/gps/osmand?id={tokens[fix.Technician]}&timestamp={due.ToUnixTimeMilliseconds()}&lat={fix.Latitude}&lon={fix.Longitude}&speed={fix.Knots:F1}&bearing={fix.Bearing:F0}&accuracy=8");
                using var response = await http.PostAsync(url, content: null, stoppingToken);
                if (i % 500 == 0) LogProgress(logger, pass, i, timeline.Fixes.Count, (int)response.StatusCode);
            }

            var pause = started + timeline.PassLength - clock.GetUtcNow();
            if (pause > TimeSpan.Zero) await Task.Delay(pause, stoppingToken);
        }
    }

    private Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(stoppingToken);
    }

    private Uri OwnAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("The demo replay needs the app to listen on an http:// address.");
        return new Uri(address.Replace("://0.0.0.0", "://127.0.0.1").Replace("://[::]", "://127.0.0.1").Replace("://+", "://127.0.0.1").Replace("://*", "://127.0.0.1"));
    }

    [LoggerMessage(LogLevel.Information, "Demo: replaying {Fixes} Porto taxi fixes through {Address} in real time; sign in as {Email}")]
    private static partial void LogStarted(ILogger logger, string email, int fixes, Uri address);

    [LoggerMessage(LogLevel.Information, "Demo pass {Pass}: {Sent} of {Total} fixes sent (last answer {Status})")]
    private static partial void LogProgress(ILogger logger, int pass, int sent, int total, int status);
}

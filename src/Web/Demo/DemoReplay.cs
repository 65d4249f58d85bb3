using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Technicians;

namespace OrleansPortal.Web.Demo;

/// <summary>
/// Replays real Porto taxi traces as technicians driving, through the public OsmAnd endpoint, as a tracking app
/// would. Time is compressed <see cref="Compression"/> times. Fix times start 23 hours in the past and keep their
/// recorded spacing, so speeds (and the jump filter) see real driving while the map moves faster than life;
/// the replay stops before fix times would reach the future (about two passes over the data).
/// </summary>
public sealed partial class DemoReplay(
    DemoCompany company, DemoJobs jobs, IServer server, IHostApplicationLifetime lifetime, DomainClock clock, ILogger<DemoReplay> logger) : BackgroundService
{
    public const int Technicians = 20;
    public const double Compression = 10;
    private static readonly string TracesPath = Path.Combine(AppContext.BaseDirectory, "samples", "gps", "porto", "train_1500.csv");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await WhenStartedAsync(stoppingToken);
        var tokens = await company.PrepareAsync(Technicians);
        await jobs.SeedAsync();
        var timeline = BuildTimeline(tokens);
        using var http = new HttpClient { BaseAddress = OwnAddress() };
        LogStarted(logger, DemoCompany.DispatcherEmail, timeline.Count, http.BaseAddress);

        var fixBase = clock.GetUtcNow().AddHours(-23);
        var origin = timeline[0].Fix.Time;
        var span = timeline[^1].Fix.Time - origin + TimeSpan.FromMinutes(1);
        for (var pass = 1; fixBase + span < clock.GetUtcNow() && !stoppingToken.IsCancellationRequested; pass++, fixBase += span)
        {
            var started = clock.GetUtcNow();
            for (var i = 0; i < timeline.Count && !stoppingToken.IsCancellationRequested; i++)
            {
                var (token, fix, knots, bearing) = timeline[i];
                var due = started + (fix.Time - origin) / Compression;
                var wait = due - clock.GetUtcNow();
                if (wait > TimeSpan.Zero) await Task.Delay(wait, stoppingToken);
                var time = (fixBase + (fix.Time - origin)).ToUnixTimeMilliseconds();
                var url = string.Create(CultureInfo.InvariantCulture,
                    $"/gps/osmand?id={token}&timestamp={time}&lat={fix.Latitude}&lon={fix.Longitude}&speed={knots:F1}&bearing={bearing:F0}&accuracy=8");
                using var response = await http.PostAsync(url, content: null, stoppingToken);
                if (i % 500 == 0) LogProgress(logger, pass, i, timeline.Count, (int)response.StatusCode);
            }
        }

        LogFinished(logger);
    }

    /// <summary>Every fix of the taxis with the most data, one taxi per technician, all starting together, in time order, with speed and bearing from the previous fix.</summary>
    private static List<(string Token, RecordedFix Fix, double Knots, double Bearing)> BuildTimeline(IReadOnlyList<string> tokens)
    {
        var byTaxi = PortoTrips.Read(TracesPath).GroupBy(f => f.TaxiId).OrderByDescending(g => g.Count()).Take(tokens.Count).ToList();
        var timeline = new List<(string, RecordedFix, double, double)>();
        for (var t = 0; t < byTaxi.Count; t++)
        {
            // Every taxi starts at the same moment (its own first fix), so the whole fleet drives from the start;
            // within a taxi the recorded times, gaps between trips included, are kept.
            var first = byTaxi[t].Min(f => f.Time);
            RecordedFix? previous = null;
            foreach (var fix in byTaxi[t].OrderBy(f => f.Time).Select(f => f with { Time = DateTimeOffset.UnixEpoch + (f.Time - first) }))
            {
                var (knots, bearing) = previous is null || fix.Time - previous.Time > PortoTrips.FixInterval ? (0, 0) : Motion(previous, fix);
                timeline.Add((tokens[t], fix, knots, bearing));
                previous = fix;
            }
        }

        return [.. timeline.OrderBy(x => x.Item2.Time)];
    }

    private static (double Knots, double Bearing) Motion(RecordedFix from, RecordedFix to)
    {
        var meters = Geo.DistanceMeters(from.Latitude, from.Longitude, to.Latitude, to.Longitude);
        var knots = meters / (to.Time - from.Time).TotalSeconds / 0.514444;
        var y = Math.Sin(Radians(to.Longitude - from.Longitude)) * Math.Cos(Radians(to.Latitude));
        var x = Math.Cos(Radians(from.Latitude)) * Math.Sin(Radians(to.Latitude)) - Math.Sin(Radians(from.Latitude)) * Math.Cos(Radians(to.Latitude)) * Math.Cos(Radians(to.Longitude - from.Longitude));
        return (Math.Min(knots, 150), (Math.Atan2(y, x) * 180 / Math.PI + 360) % 360);
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;

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

    [LoggerMessage(LogLevel.Information, "Demo: replaying {Fixes} Porto taxi fixes through {Address}; sign in as {Email}")]
    private static partial void LogStarted(ILogger logger, string email, int fixes, Uri address);

    [LoggerMessage(LogLevel.Information, "Demo pass {Pass}: {Sent} of {Total} fixes sent (last answer {Status})")]
    private static partial void LogProgress(ILogger logger, int pass, int sent, int total, int status);

    [LoggerMessage(LogLevel.Information, "Demo replay finished; restart with --demo to replay again")]
    private static partial void LogFinished(ILogger logger);
}

using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansPortal.Web.Routing.TravelModels;
using OrleansPortal.Web.Tests.Dispatch;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Routing;

/// <summary>
/// A test app that plans with learned travel times: the Porto extract and a model trained from the shipped Porto traces.
/// Training takes a while, so tests that only need some learned model share one store for the whole test run: the first
/// app trains and stores it, the next ones read it (as a restarted app does).
/// </summary>
internal static class LearnedModels
{
    private static readonly Lazy<string> SharedDirectory = new(() =>
    {
        var directory = Directory.CreateTempSubdirectory("orleansportal-shared-models-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { } // another test process may still read it; temp is cleaned anyway
        };
        TraceFile(directory, trips: 400);
        return directory;
    });

    /// <summary>The first <paramref name="trips"/> trips of the shipped Porto traces, as a file of their own in <paramref name="directory"/>.</summary>
    public static string TraceFile(string directory, int trips)
    {
        var source = Path.Combine(Path.GetDirectoryName(RouteGeometryApiTests.PortoExtract())!, "..", "gps", "porto", "train_1500.csv");
        var path = Path.Combine(directory, "trips.csv");
        File.WriteAllLines(path, File.ReadLines(source).Take(trips + 1));
        return path;
    }

    /// <summary>Sets the app up (before it starts) to read the shared model, training it if no app has yet.</summary>
    public static void UseSharedModel(PortalFactory app)
    {
        app.Settings["Routing:Extract"] = RouteGeometryApiTests.PortoExtract();
        app.Settings["Routing:TravelModels:Directory"] = Path.Combine(SharedDirectory.Value, "models");
        app.Settings["Routing:TravelModels:TrainFrom"] = Path.Combine(SharedDirectory.Value, "trips.csv");
    }

    /// <summary>Polls the status until a model is in use or training failed (or three minutes passed), as a dispatcher reads it.</summary>
    public static async Task<TravelModelSnapshot> WaitUntilReadyAsync(HttpClient dispatcher) => (await WaitUntilReadyAsync(dispatcher, s => s.City)).City;

    /// <summary>The same for <paramref name="which"/> of the models (the city's or the company's), with the whole answer.</summary>
    public static async Task<TravelModelDto> WaitUntilReadyAsync(HttpClient dispatcher, Func<TravelModelDto, TravelModelSnapshot> which)
    {
        TravelModelDto? last = null;
        await WaitUntilReadyAsync(async () => which(last = (await dispatcher.GetFromJsonAsync<TravelModelDto>("/api/v1/dispatch/travel-model", ApiJson.Options))!));
        return last!;
    }

    /// <summary>
    /// The same from inside the app, before any company exists: a test that plans waits for training first, so that
    /// training (both cores for a while) does not race the plans it then waits for.
    /// </summary>
    public static Task<TravelModelSnapshot> WaitUntilReadyAsync(PortalFactory app) =>
        WaitUntilReadyAsync(() => Task.FromResult(app.Services.GetRequiredService<TravelModelStatus>().Current));

    private static async Task<TravelModelSnapshot> WaitUntilReadyAsync(Func<Task<TravelModelSnapshot>> read)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            var status = await read();
            if (status.Stage is "ready" or "failed" || DateTime.UtcNow > deadline) return status;
            await Task.Delay(250);
        }
    }
}

using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OrleansPortal.Grains;
using OrleansPortal.Testing;

namespace OrleansPortal.Web.Tests.Infrastructure;

/// <summary>The whole app in process, on its embedded SQLite default, with the database file in a temp directory of its own.</summary>
public sealed class PortalFactory : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key-0123456789";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "orleansportal-web-" + Guid.NewGuid().ToString("N"));

    /// <summary>Setting overrides ("Section:Key"), applied before the app starts; no storage override means the SQLite default in the temp directory.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>
    /// Business time for grains and web alike (a <see cref="DomainClock"/>) when set before the app starts. Orleans and the
    /// host keep the system clock for their own timers.
    /// </summary>
    public TimeProvider? Clock { get; set; }

    /// <summary>Registrations applied after the app's own, before it starts: to put a recording implementation in place of one the app logs only.</summary>
    public Action<IServiceCollection>? TestServices { get; set; }

    /// <summary>The silo's port, free and this app's own, so test classes can run their apps in parallel.</summary>
    public int SiloPort { get; } = FreePort.Next();

    /// <summary>
    /// Serves the app on Kestrel at a free 127.0.0.1 port instead of the in-memory test server, so that a real
    /// browser can reach it; returns the address. Call it before anything else starts the app.
    /// </summary>
    /// <param name="port">0 for any free port; a port chosen beforehand when the app must know its own address (Portal:PublicBaseUrl).</param>
    public Uri StartOnLoopback(int port = 0)
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        var address = new Uri(addresses.Single());
        ClientOptions.BaseAddress = address; // CreateClient() then talks to the same real server as the browser
        return address;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_directory);
        builder.UseSetting("Storage:ConnectionString", $"Data Source={Path.Combine(_directory, "portal.db")}");
        builder.UseSetting("Admin:ApiKey", AdminKey);
        builder.UseSetting("Documents:BlobDirectory", Path.Combine(_directory, "blobs")); // photos leave with the temp directory
        builder.UseSetting("Chat:AttachmentDirectory", Path.Combine(_directory, "attachments"));
        builder.UseSetting("Notifications:WebPush:KeyFile", Path.Combine(_directory, "vapid-keys.json")); // a VAPID key pair per test app
        builder.UseSetting("Routing:Extract", "none"); // great-circle travel times: predictable, and no graph to build per test host
        builder.UseSetting("Dispatch:EtaRefreshInterval", "00:00:00.200");
        builder.UseSetting("Cluster:SiloPort", SiloPort.ToString(CultureInfo.InvariantCulture));
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        if (Clock is { } clock) builder.ConfigureTestServices(services => services.AddSingleton(new DomainClock(clock)));
        if (TestServices is { } configure) builder.ConfigureTestServices(configure);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace OrleansPortal.Web.Tests.Infrastructure;

/// <summary>The whole app in process, on its embedded SQLite default, with the database file in a temp directory of its own.</summary>
public sealed class PortalFactory : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key-0123456789";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "orleansportal-web-" + Guid.NewGuid().ToString("N"));

    /// <summary>Overrides for the "Storage" section; empty means the SQLite default in the temp directory.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_directory);
        builder.UseSetting("Storage:ConnectionString", $"Data Source={Path.Combine(_directory, "portal.db")}");
        builder.UseSetting("Admin:ApiKey", AdminKey);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}

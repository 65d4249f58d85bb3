using System.Net;
using System.Net.Sockets;
using Orleans.Storage;

namespace OrleansPortal.Silo.Tests.Storage;

/// <summary>What an operator sees when a store is misconfigured or its database is down: one line that says what to fix.</summary>
public sealed class StorageStartupTests
{
    [Fact]
    public void UnknownInvariant_IsRejectedNamingTheStorageAndTheValidChoices()
    {
        var options = new AdoNetStorageOptions { Invariant = "System.Data.SqlClient", ConnectionString = "Data Source=x.db" };

        var error = Assert.Throws<StorageConfigurationException>(() => new AdoNetGrainStorage("store", options));

        Assert.Equal(
            "Storage 'store': unknown invariant 'System.Data.SqlClient'; use 'Microsoft.Data.Sqlite' or 'Npgsql'.",
            error.Message);
    }

    [Fact]
    public void MissingConnectionString_IsRejected()
    {
        var options = new AdoNetStorageOptions { Invariant = AdoNetInvariants.PostgreSql };

        var error = Assert.Throws<StorageConfigurationException>(() => new AdoNetReminderTable("reminders", options));

        Assert.Equal("Storage 'reminders': the connection string is missing.", error.Message);
    }

    [Fact]
    public async Task UnreachablePostgres_FailsAtStartNamingHostAndPortWithoutAStackTrace()
    {
        var port = UnusedLoopbackPort();
        var options = new AdoNetStorageOptions
        {
            Invariant = AdoNetInvariants.PostgreSql,
            ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Password=secret-value;Timeout=5",
        };
        await using var storage = new AdoNetGrainStorage("store", options);

        var error = await Assert.ThrowsAsync<StorageConfigurationException>(() => storage.InitializeAsync());

        Assert.StartsWith($"Storage 'store': cannot reach PostgreSQL at 127.0.0.1:{port}: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SqliteFileInAMissingDirectory_FailsAtStartNamingThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), "orleansportal-missing-" + Guid.NewGuid().ToString("N"), "storage.db");
        var options = new AdoNetStorageOptions { ConnectionString = $"Data Source={path}" };
        await using var table = new AdoNetReminderTable("store", options);

        var error = await Assert.ThrowsAsync<StorageConfigurationException>(() => table.InitializeAsync());

        Assert.StartsWith($"Storage 'store': cannot reach SQLite at {path}: ", error.Message, StringComparison.Ordinal);
    }

    private static int UnusedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

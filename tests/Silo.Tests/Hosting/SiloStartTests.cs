using OrleansPortal.Testing;
using Microsoft.Extensions.DependencyInjection;
using OrleansPortal.Silo.Hosting;
using OrleansPortal.Silo.Storage;
using OrleansPortal.Silo.Storage.Schema;
using OrleansPortal.Silo.Tests.Infrastructure;

namespace OrleansPortal.Silo.Tests.Hosting;

/// <summary>What the silo does with its database before anything else: check it and bring its schema up to date.</summary>
public sealed class SiloStartTests
{
    [Fact]
    public async Task SiloOnAnUnreachableDatabase_FailsToStart_SayingWhichDatabaseInOneLine()
    {
        var port = FreePort.Next();
        var database = new SiloDatabase(AdoNetInvariants.PostgreSql,
            $"Host=127.0.0.1;Port={port};Username=portal;Password=s3cret-Pa55word;Database=portal;Timeout=5");

        var error = await Assert.ThrowsAsync<StorageConfigurationException>(() => PortalSilo.StartAsync(database));

        Assert.Contains($"PostgreSQL database 'portal' on 127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task SchemaModuleRegisteredWithTheSilo_IsAppliedWhenItStarts()
    {
        await using var database = new SqliteTestDatabase();
        var module = new SchemaModule("app", [new SchemaScript(1, "pings", "CREATE TABLE app_ping (n INTEGER NOT NULL)")]);

        await using var silo = await PortalSilo.StartAsync(database.Silo, s => s.Services.AddSingleton(module));

        Assert.True(await database.TableExistsAsync("app_ping"));
        Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM orleansportal_schema_version WHERE module = 'app' AND version = 1"));
    }
}

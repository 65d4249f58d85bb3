using OrleansPortal.Silo.Hosting;
using OrleansPortal.Silo.Storage;
using OrleansPortal.Silo.Tests.Infrastructure;

namespace OrleansPortal.Silo.Tests.Hosting;

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
}

using Microsoft.Data.Sqlite;
using OrleansPortal.Silo.Tests.Grains;
using OrleansPortal.Silo.Tests.Infrastructure;

namespace OrleansPortal.Silo.Tests.Hosting;

/// <summary>
/// On SQLite the app writes its own tables (the ping history) into the silo's file. SQLite has one writer at a time;
/// the silo's writes must wait their turn (busy retry) rather than fail with SQLITE_BUSY.
/// </summary>
public sealed class SqliteSharedFileTests
{
    [Fact]
    public async Task GrainStateAndReminderWrites_Succeed_WhileAnotherWriterKeepsTheFileBusy()
    {
        await using var database = new SqliteTestDatabase();
        await using var silo = await PortalSilo.StartAsync(database.Silo);
        await database.ExecuteAsync("CREATE TABLE app_ping (n INTEGER NOT NULL)");
        using var stop = new CancellationTokenSource();
        var appWriter = Task.Run(() => KeepWritingAsync(database.ConnectionString, stop.Token));

        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            var counter = silo.Client.GetGrain<ICounterGrain>(Guid.NewGuid());
            var reminders = silo.Client.GetGrain<IReminderProbeGrain>(Guid.NewGuid().ToString());
            for (var i = 1; i <= 25; i++)
            {
                await counter.SetAsync(i);
                await reminders.RegisterAsync("r", TimeSpan.FromHours(i));
            }

            return await counter.GetAsync();
        })).ToList();
        var results = await Task.WhenAll(writers);
        await stop.CancelAsync();
        var appWrites = await appWriter;

        Assert.All(results, r => Assert.Equal(25, r));
        Assert.True(appWrites > 0, "the other writer never got the file");
    }

    // Holds the write lock in bursts, as a busy app would: each transaction inserts a batch of rows.
    private static async Task<int> KeepWritingAsync(string connectionString, CancellationToken stop)
    {
        var transactions = 0;
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(CancellationToken.None);
        while (!stop.IsCancellationRequested)
        {
            await using var transaction = connection.BeginTransaction(deferred: false);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText =
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) INSERT INTO app_ping (n) SELECT i FROM n";
            await command.ExecuteNonQueryAsync(CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
            transactions++;
        }

        return transactions;
    }
}

using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Technicians.History;
using OrleansPortal.Silo.Storage;

namespace OrleansPortal.Benchmarks.Pings;

/// <summary>
/// The physical limit of a pipeline that persists every ping: the rows <c>bench/run pings</c> stores (10,000
/// technicians of one company, fixes 10 ms apart, in the order the pipeline receives them), written by PostgreSQL
/// binary COPY alone from this one process, into a table shaped exactly like the ping history (same columns, same
/// primary key), each COPY committed with fsync on. Nothing else runs: no HTTP, no grains, no de-duplication.
/// </summary>
internal static class CopyCeilingBenchmark
{
    private const int Technicians = 10_000;
    private const string Table = "copy_ceiling_pings";

    /// <summary>Rows per COPY (and per commit): larger than the ping history's batches, so the ceiling is not held down by commits.</summary>
    public const int RowsPerCopy = 10_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var connection = Environment.GetEnvironmentVariable("ORLEANSPORTAL_BENCH_POSTGRES")
            ?? throw new InvalidOperationException("ORLEANSPORTAL_BENCH_POSTGRES is not set; run it as bench/run copy-ceiling.");
        var rate = await MeasureAsync(connection, TimeSpan.FromSeconds(seconds));
        Console.WriteLine($"{Technicians} technicians, COPY of {RowsPerCopy} rows per transaction, one connection, {seconds} s measured after 2 s warm-up, PostgreSQL with fsync on");
        Console.WriteLine($"copy-ceiling {rate:F0} rows/s");
        return 0;
    }

    /// <summary>Rows per second binary COPY stores, measured over <paramref name="window"/> after a short warm-up; the scratch table is dropped after.</summary>
    public static async Task<double> MeasureAsync(string connectionString, TimeSpan window)
    {
        await EnsurePingHistoryTableAsync(connectionString);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        await ExecuteAsync(connection, $"DROP TABLE IF EXISTS {Table}; CREATE TABLE {Table} (LIKE technician_pings INCLUDING ALL)");
        try
        {
            var rows = new Rows();
            var warmup = Stopwatch.StartNew();
            while (warmup.Elapsed < TimeSpan.FromSeconds(2)) await CopyAsync(connection, rows);

            long written = 0;
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < window) written += await CopyAsync(connection, rows);
            return written / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            await ExecuteAsync(connection, $"DROP TABLE IF EXISTS {Table}");
        }
    }

    // The product's own schema script creates the history table, so the copy's table has the very same shape.
    private static async Task EnsurePingHistoryTableAsync(string connectionString)
    {
        var options = new PingHistoryOptions { Invariant = AdoNetInvariants.PostgreSql, ConnectionString = connectionString };
        await using var history = new PingHistory(options, NullLogger<PingHistory>.Instance);
        await history.InitializeAsync();
    }

    private static async Task<int> CopyAsync(NpgsqlConnection connection, Rows rows)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var importer = await connection.BeginBinaryImportAsync(
            $"COPY {Table} (tenant_id, technician_id, {PingStoreColumns}) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < RowsPerCopy; i++) await rows.WriteNextAsync(importer);
            await importer.CompleteAsync();
        }

        await transaction.CommitAsync();
        return RowsPerCopy;
    }

    private const string PingStoreColumns = "fix_time, received_at, lat, lon, speed_mps, heading, altitude, accuracy, battery, is_outlier";

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The pipeline's rows in its arrival order: technician after technician, a fix 10 ms later each round.</summary>
    private sealed class Rows
    {
        private readonly string _tenant = TenantKeys.NewId();
        private readonly string[] _technicians = Enumerable.Range(0, Technicians).Select(_ => TenantKeys.NewId()).ToArray();
        private readonly DateTime _base = DateTime.UtcNow.AddMinutes(-50);
        private long _next;

        public async Task WriteNextAsync(NpgsqlBinaryImporter importer)
        {
            var n = _next++;
            var technician = (int)(n % Technicians);
            var round = n / Technicians;
            var now = DateTime.UtcNow;
            await importer.StartRowAsync();
            await importer.WriteAsync(_tenant, NpgsqlDbType.Text);
            await importer.WriteAsync(_technicians[technician], NpgsqlDbType.Text);
            await importer.WriteAsync(_base.AddMilliseconds(round * 10), NpgsqlDbType.TimestampTz);
            await importer.WriteAsync(now, NpgsqlDbType.TimestampTz);
            await importer.WriteAsync(41.10 + technician % 100 * 0.001, NpgsqlDbType.Double);
            await importer.WriteAsync(-8.65 + technician / 100 * 0.001 + round * 0.000001, NpgsqlDbType.Double);
            await importer.WriteAsync(8f, NpgsqlDbType.Real);
            await importer.WriteNullAsync();
            await importer.WriteNullAsync();
            await importer.WriteAsync(5f, NpgsqlDbType.Real);
            await importer.WriteNullAsync();
            await importer.WriteAsync(false, NpgsqlDbType.Boolean);
        }
    }
}

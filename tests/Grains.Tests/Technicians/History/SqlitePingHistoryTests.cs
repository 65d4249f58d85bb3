using OrleansPortal.Grains.Technicians.History;
using OrleansPortal.Grains.Tests.Infrastructure;

namespace OrleansPortal.Grains.Tests.Technicians.History;

public sealed class SqlitePingHistoryTests(SqliteHistoryDatabase database)
    : PingHistoryTests(database), IClassFixture<SqliteHistoryDatabase>
{
    // SQLite has no NaN.
    protected override PingRecord RefusedPing(string tenantId, DateTimeOffset time) => Ping(tenantId, "tech-nan", time, latitude: double.NaN);
}

using OrleansPortal.Grains.Technicians.History;
using OrleansPortal.Grains.Tests.Infrastructure;

namespace OrleansPortal.Grains.Tests.Technicians.History;

public sealed class PostgresPingHistoryTests(PostgresHistoryDatabase database)
    : PingHistoryTests(database), IClassFixture<PostgresHistoryDatabase>
{
    // PostgreSQL text cannot hold a NUL character.
    protected override PingRecord RefusedPing(string tenantId, DateTimeOffset time) => Ping(tenantId, "tech\0nul", time);
}

using OrleansPortal.Grains.Tests.Infrastructure;

namespace OrleansPortal.Grains.Tests.Companies;

public sealed class SqliteTechnicianRosterTests(SqliteHistoryDatabase database)
    : TechnicianRosterTests(database), IClassFixture<SqliteHistoryDatabase>;

using OrleansPortal.Grains.Tests.Infrastructure;

namespace OrleansPortal.Grains.Tests.Companies;

public sealed class PostgresTechnicianRosterTests(PostgresHistoryDatabase database)
    : TechnicianRosterTests(database), IClassFixture<PostgresHistoryDatabase>;

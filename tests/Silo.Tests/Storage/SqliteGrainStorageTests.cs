using OrleansPortal.Silo.Tests.Infrastructure;

namespace OrleansPortal.Silo.Tests.Storage;

public sealed class SqliteGrainStorageTests(SqliteDatabaseFixture database)
    : GrainStorageTests(database), IClassFixture<SqliteDatabaseFixture>;

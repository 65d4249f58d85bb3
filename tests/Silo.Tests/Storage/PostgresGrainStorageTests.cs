using OrleansPortal.Silo.Tests.Infrastructure;

namespace OrleansPortal.Silo.Tests.Storage;

public sealed class PostgresGrainStorageTests(PostgresDatabaseFixture database)
    : GrainStorageTests(database), IClassFixture<PostgresDatabaseFixture>;

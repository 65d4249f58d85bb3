using OrleansPortal.Silo.Tests.Infrastructure;

namespace OrleansPortal.Silo.Tests.Storage;

public sealed class PostgresReminderTableTests(PostgresDatabaseFixture database)
    : ReminderTableTests(database), IClassFixture<PostgresDatabaseFixture>;

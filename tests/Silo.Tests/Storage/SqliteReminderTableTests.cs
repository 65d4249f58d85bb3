using OrleansPortal.Silo.Tests.Infrastructure;

namespace OrleansPortal.Silo.Tests.Storage;

public sealed class SqliteReminderTableTests(SqliteDatabaseFixture database)
    : ReminderTableTests(database), IClassFixture<SqliteDatabaseFixture>;

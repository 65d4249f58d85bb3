using OrleansPortal.Grains.Tests.Infrastructure;

namespace OrleansPortal.Grains.Tests.Dispatch.Recurring;

public sealed class SqliteRecurringJobIndexTests(SqliteHistoryDatabase database)
    : RecurringJobIndexTests(database), IClassFixture<SqliteHistoryDatabase>;

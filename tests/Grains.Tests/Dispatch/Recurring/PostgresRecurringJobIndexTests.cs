using OrleansPortal.Grains.Tests.Infrastructure;

namespace OrleansPortal.Grains.Tests.Dispatch.Recurring;

public sealed class PostgresRecurringJobIndexTests(PostgresHistoryDatabase database)
    : RecurringJobIndexTests(database), IClassFixture<PostgresHistoryDatabase>;

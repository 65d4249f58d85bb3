using OrleansPortal.Grains.Tests.Infrastructure;

namespace OrleansPortal.Grains.Tests.Notifications.OptOuts;

public sealed class PostgresOptOutStoreTests(PostgresHistoryDatabase database)
    : OptOutStoreTests(database), IClassFixture<PostgresHistoryDatabase>;

using OrleansPortal.Grains.Tests.Infrastructure;

namespace OrleansPortal.Grains.Tests.Notifications.OptOuts;

public sealed class SqliteOptOutStoreTests(SqliteHistoryDatabase database)
    : OptOutStoreTests(database), IClassFixture<SqliteHistoryDatabase>;

using OrleansPortal.Grains.Tests.Infrastructure;

namespace OrleansPortal.Grains.Tests.Notifications.Outbox;

public sealed class SqliteNotificationOutboxTests(SqliteHistoryDatabase database)
    : NotificationOutboxTests(database), IClassFixture<SqliteHistoryDatabase>;

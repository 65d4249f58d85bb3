using OrleansPortal.Grains.Tests.Infrastructure;

namespace OrleansPortal.Grains.Tests.Notifications.Outbox;

public sealed class PostgresNotificationOutboxTests(PostgresHistoryDatabase database)
    : NotificationOutboxTests(database), IClassFixture<PostgresHistoryDatabase>;

using OrleansPortal.Grains.Tests.Infrastructure;

namespace OrleansPortal.Grains.Tests.Conversations;

public sealed class SqliteConversationInboxTests(SqliteHistoryDatabase database)
    : ConversationInboxTests(database), IClassFixture<SqliteHistoryDatabase>;

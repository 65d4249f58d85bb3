using OrleansPortal.Grains.Tests.Infrastructure;

namespace OrleansPortal.Grains.Tests.Conversations;

public sealed class PostgresConversationInboxTests(PostgresHistoryDatabase database)
    : ConversationInboxTests(database), IClassFixture<PostgresHistoryDatabase>;

using OrleansPortal.Grains.Tests.Infrastructure;

namespace OrleansPortal.Grains.Tests.Payments;

public sealed class PostgresMoneyLedgerTests(PostgresHistoryDatabase database)
    : MoneyLedgerTests(database), IClassFixture<PostgresHistoryDatabase>;

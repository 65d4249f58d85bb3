using OrleansPortal.Grains.Tests.Infrastructure;

namespace OrleansPortal.Grains.Tests.Payments;

public sealed class SqliteMoneyLedgerTests(SqliteHistoryDatabase database)
    : MoneyLedgerTests(database), IClassFixture<SqliteHistoryDatabase>;

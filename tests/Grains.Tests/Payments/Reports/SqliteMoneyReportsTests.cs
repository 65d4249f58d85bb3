using OrleansPortal.Grains.Tests.Infrastructure;

namespace OrleansPortal.Grains.Tests.Payments.Reports;

public sealed class SqliteMoneyReportsTests(SqliteHistoryDatabase database)
    : MoneyReportsTests(database), IClassFixture<SqliteHistoryDatabase>;

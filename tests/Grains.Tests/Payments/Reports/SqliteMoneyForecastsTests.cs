using OrleansPortal.Grains.Tests.Infrastructure;

namespace OrleansPortal.Grains.Tests.Payments.Reports;

public sealed class SqliteMoneyForecastsTests(SqliteHistoryDatabase database)
    : MoneyForecastsTests(database), IClassFixture<SqliteHistoryDatabase>;

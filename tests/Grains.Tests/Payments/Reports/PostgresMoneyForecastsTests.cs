using OrleansPortal.Grains.Tests.Infrastructure;

namespace OrleansPortal.Grains.Tests.Payments.Reports;

public sealed class PostgresMoneyForecastsTests(PostgresHistoryDatabase database)
    : MoneyForecastsTests(database), IClassFixture<PostgresHistoryDatabase>;

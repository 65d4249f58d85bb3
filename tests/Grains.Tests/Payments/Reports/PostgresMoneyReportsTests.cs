using OrleansPortal.Grains.Tests.Infrastructure;

namespace OrleansPortal.Grains.Tests.Payments.Reports;

public sealed class PostgresMoneyReportsTests(PostgresHistoryDatabase database)
    : MoneyReportsTests(database), IClassFixture<PostgresHistoryDatabase>;

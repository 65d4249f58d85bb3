using OrleansPortal.Grains.Tests.Infrastructure;

namespace OrleansPortal.Grains.Tests.Payments;

public sealed class SqlitePaymentRecordsTests(SqliteHistoryDatabase database)
    : PaymentRecordsTests(database), IClassFixture<SqliteHistoryDatabase>;

using OrleansPortal.Grains.Tests.Infrastructure;

namespace OrleansPortal.Grains.Tests.Payments;

public sealed class PostgresPaymentRecordsTests(PostgresHistoryDatabase database)
    : PaymentRecordsTests(database), IClassFixture<PostgresHistoryDatabase>;

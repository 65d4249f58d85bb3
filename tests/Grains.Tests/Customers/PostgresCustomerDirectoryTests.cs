using OrleansPortal.Grains.Tests.Infrastructure;

namespace OrleansPortal.Grains.Tests.Customers;

public sealed class PostgresCustomerDirectoryTests(PostgresHistoryDatabase database)
    : CustomerDirectoryTests(database), IClassFixture<PostgresHistoryDatabase>;

using OrleansPortal.Grains.Tests.Infrastructure;

namespace OrleansPortal.Grains.Tests.Customers;

public sealed class SqliteCustomerDirectoryTests(SqliteHistoryDatabase database)
    : CustomerDirectoryTests(database), IClassFixture<SqliteHistoryDatabase>;

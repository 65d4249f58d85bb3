using OrleansPortal.Testing;

namespace OrleansPortal.Web.Tests.Infrastructure;

/// <summary>A fresh database for one test (see <see cref="ThrowawayPostgresDatabase"/>), as an xunit lifetime.</summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    private ThrowawayPostgresDatabase? _database;

    public string ConnectionString => _database?.ConnectionString ?? "";

    /// <summary>The app on this database (its own silo and schema), as production runs it.</summary>
    public PortalFactory App()
    {
        var app = new PortalFactory();
        app.Settings["Storage:Provider"] = "PostgreSql";
        app.Settings["Storage:ConnectionString"] = ConnectionString;
        return app;
    }

    public async Task InitializeAsync() => _database = await ThrowawayPostgresDatabase.CreateAsync("web");

    public async Task DisposeAsync()
    {
        if (_database is not null) await _database.DisposeAsync();
    }
}

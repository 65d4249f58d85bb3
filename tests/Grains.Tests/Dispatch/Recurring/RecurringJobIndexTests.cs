using OrleansPortal.Grains.Dispatch.Recurring;
using OrleansPortal.Grains.Storage;
using OrleansPortal.Grains.Tests.Infrastructure;

namespace OrleansPortal.Grains.Tests.Dispatch.Recurring;

/// <summary>The recurring-series index's contract, run once per database by the sealed subclasses.</summary>
public abstract class RecurringJobIndexTests(HistoryDatabase database) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);

    private PortalDatabase _tables = null!;
    private RecurringJobIndex _index = null!;

    public async Task InitializeAsync()
    {
        _tables = await PortalTables.OpenAsync(database);
        _index = new RecurringJobIndex(_tables);
    }

    public async Task DisposeAsync() => await _tables.DisposeAsync();

    [Fact]
    public async Task Pages_ListEachSeriesOnce_OldestFirst_ThenById()
    {
        var tenant = NewTenant();
        var series = Enumerable.Range(0, 7).Select(i => (Id: TenantKeys.NewId(), At: T0.AddMinutes(i / 2))).ToList(); // pairs created together
        foreach (var (id, at) in series.OrderBy(_ => Guid.NewGuid())) await _index.AddAsync(tenant, id, at);
        await _index.AddAsync(tenant, series[0].Id, T0.AddDays(1)); // added again, later: no second entry, no move

        var listed = new List<string>();
        for (string? after = null; ;)
        {
            var page = await _index.ListAsync(tenant, after, 3);
            listed.AddRange(page);
            if (page.Count < 3) break;
            after = page[^1];
        }

        Assert.Equal(series.OrderBy(s => s.At).ThenBy(s => s.Id, StringComparer.Ordinal).Select(s => s.Id), listed);
    }

    [Fact]
    public async Task ATenant_NeverListsAnotherTenantsSeries()
    {
        var (mine, theirs) = (NewTenant(), NewTenant());
        var own = TenantKeys.NewId();
        var other = TenantKeys.NewId();
        await _index.AddAsync(mine, own, T0);
        await _index.AddAsync(theirs, other, T0.AddMinutes(1));

        Assert.Equal([own], await _index.ListAsync(mine, null, 10));
        Assert.Empty(await _index.ListAsync(mine, other, 10));
    }

    private static string NewTenant() => "tenant-" + TenantKeys.NewId();
}

using OrleansPortal.Grains.Storage;
using OrleansPortal.Grains.Support.Cases;
using OrleansPortal.Grains.Tests.Infrastructure;

namespace OrleansPortal.Grains.Tests.Support;

/// <summary>The case queue's contract, run once per database by the sealed subclasses. Each test uses fresh tenants.</summary>
public abstract class SupportCaseIndexTests(HistoryDatabase database) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private PortalDatabase _tables = null!;
    private SupportCaseIndex _index = null!;

    public async Task InitializeAsync()
    {
        _tables = await PortalTables.OpenAsync(database);
        _index = new SupportCaseIndex(_tables);
    }

    public async Task DisposeAsync() => await _tables.DisposeAsync();

    [Fact]
    public async Task CasesOpenedAtOnce_TakeConsecutiveNumbers_AndARetriedOpenTakesNone()
    {
        var tenant = NewTenant();
        var rows = Enumerable.Range(0, 20).Select(i => Row(tenant, $"case-{i}", T0.AddMinutes(i))).ToList();

        var numbers = await Task.WhenAll(rows.Select(r => _index.OpenAsync(r)));
        var retried = await _index.OpenAsync(rows[7]);

        Assert.Equal(Enumerable.Range(1, 20).Select(n => (long)n), numbers.Order());
        Assert.Equal(numbers[7], retried);
        Assert.Equal(1L, await _index.OpenAsync(Row(NewTenant(), "case-0", T0))); // another company counts from 1
    }

    [Fact]
    public async Task TheQueue_Filters_AndListsTheLatestChangeFirst_WithoutOtherCompanies()
    {
        var (tenant, other) = (NewTenant(), NewTenant());
        var leak = Row(tenant, "leak", T0) with { Priority = CasePriority.High };
        var bill = Row(tenant, "bill", T0.AddMinutes(1)) with { Category = CaseCategory.Billing, CustomerId = "customer-2" };
        var done = Row(tenant, "done", T0.AddMinutes(2)) with { Status = CaseStatus.Resolved, ResolvedAt = T0.AddMinutes(2) };
        foreach (var row in new[] { leak, bill, done }) await _index.OpenAsync(row);
        await _index.OpenAsync(Row(other, "leak", T0.AddMinutes(3)));
        var assigned = leak with { AssigneeEmail = "Ana@acme.test", Status = CaseStatus.Open, UpdatedAt = T0.AddMinutes(5) };
        await _index.UpdateAsync(assigned);

        Assert.Equal(["leak", "done", "bill"], await Ids(tenant, new SupportCaseQuery()));
        Assert.Equal(["leak", "bill"], await Ids(tenant, new SupportCaseQuery(Statuses: [CaseStatus.New, CaseStatus.Open])));
        Assert.Equal(["leak"], await Ids(tenant, new SupportCaseQuery(AssigneeEmail: "ana@ACME.test")));
        Assert.Equal(["done", "bill"], await Ids(tenant, new SupportCaseQuery(Unassigned: true)));
        Assert.Equal(["leak"], await Ids(tenant, new SupportCaseQuery(Priority: CasePriority.High)));
        Assert.Equal(["bill"], await Ids(tenant, new SupportCaseQuery(Category: CaseCategory.Billing)));
        Assert.Equal(["bill"], await Ids(tenant, new SupportCaseQuery(CustomerId: "customer-2")));
        var read = (await _index.QueueAsync(tenant, new SupportCaseQuery(AssigneeEmail: "ana@acme.test"), 10)).Single();
        Assert.Equal(assigned with { Number = read.Number }, read);
    }

    [Fact]
    public async Task ALateReport_NeverReplacesANewerOne_AndARemovedRowIsGone()
    {
        var tenant = NewTenant();
        var row = Row(tenant, "case", T0);
        var number = await _index.OpenAsync(row);
        var newer = row with { Number = number, Status = CaseStatus.WaitingOnCustomer, UpdatedAt = T0.AddMinutes(2), FirstResponseAt = T0.AddMinutes(2) };

        await _index.UpdateAsync(newer);
        await _index.UpdateAsync(row with { Number = number, Status = CaseStatus.Open, UpdatedAt = T0.AddMinutes(1) }); // late
        Assert.Equal([newer], await _index.QueueAsync(tenant, new SupportCaseQuery(), 10));

        await _index.RemoveAsync(tenant, "case");
        Assert.Empty(await _index.QueueAsync(tenant, new SupportCaseQuery(), 10));
    }

    private async Task<string[]> Ids(string tenant, SupportCaseQuery query) => [.. (await _index.QueueAsync(tenant, query, 10)).Select(r => r.CaseId)];

    private static SupportCaseRow Row(string tenant, string caseId, DateTimeOffset at) =>
        new(tenant, caseId, 0, "customer-1", "contact-1", null, "Water in the valve box", CaseStatus.New, CasePriority.Normal, CaseCategory.Quality,
            CaseChannel.Portal, null, at, at, null, null);

    private static string NewTenant() => "tenant-" + TenantKeys.NewId();
}

public sealed class PostgresSupportCaseIndexTests(PostgresHistoryDatabase database)
    : SupportCaseIndexTests(database), IClassFixture<PostgresHistoryDatabase>;

public sealed class SqliteSupportCaseIndexTests(SqliteHistoryDatabase database)
    : SupportCaseIndexTests(database), IClassFixture<SqliteHistoryDatabase>;

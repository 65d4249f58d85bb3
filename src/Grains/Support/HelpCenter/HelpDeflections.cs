using OrleansPortal.Grains.Storage;

namespace OrleansPortal.Grains.Support.HelpCenter;

/// <summary>
/// Cases the help center kept from being opened: a customer writing a new case read a suggested article and said it
/// answered them (table <c>help_deflections</c>). The rate sets them against the cases customers opened from the portal
/// in the same period (<c>support_cases</c>, channel Portal).
/// </summary>
public sealed class HelpDeflections(PortalDatabase database)
{
    public Task RecordAsync(string tenantId, string customerId, string articleId, string language, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        database.ExecuteAsync("INSERT INTO help_deflections (tenant_id, customer_id, article_id, language, at) VALUES (@tenant, @customer, @article, @language, @at)",
            a => a.Add("@tenant", tenantId).Add("@customer", customerId).Add("@article", articleId).Add("@language", language).AddTime("@at", at), cancellationToken);

    public async Task<HelpDeflectionSummary> SummaryAsync(string tenantId, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        var byArticle = await database.QueryAsync(
            "SELECT article_id, count(*) FROM help_deflections WHERE tenant_id = @tenant AND at >= @since GROUP BY article_id ORDER BY count(*) DESC, article_id LIMIT 20",
            a => a.Add("@tenant", tenantId).AddTime("@since", since), r => (ArticleId: r.GetString(0), Count: PortalDatabase.ReadLong(r, 1)), cancellationToken);
        var deflected = (await database.QueryAsync("SELECT count(*) FROM help_deflections WHERE tenant_id = @tenant AND at >= @since",
            a => a.Add("@tenant", tenantId).AddTime("@since", since), r => PortalDatabase.ReadLong(r, 0), cancellationToken))[0];
        var opened = (await database.QueryAsync("SELECT count(*) FROM support_cases WHERE tenant_id = @tenant AND channel = 'Portal' AND opened_at >= @since",
            a => a.Add("@tenant", tenantId).AddTime("@since", since), r => PortalDatabase.ReadLong(r, 0), cancellationToken))[0];
        return new HelpDeflectionSummary(deflected, opened, byArticle);
    }
}

/// <param name="PortalCases">Cases customers opened from the portal in the same period.</param>
public sealed record HelpDeflectionSummary(long Deflected, long PortalCases, IReadOnlyList<(string ArticleId, long Count)> ByArticle)
{
    /// <summary>Of the customers who set out to open a case, the share the help center answered (null with none).</summary>
    public double? Rate => Deflected + PortalCases == 0 ? null : (double)Deflected / (Deflected + PortalCases);
}

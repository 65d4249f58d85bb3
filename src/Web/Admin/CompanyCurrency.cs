using Orleans;
using OrleansPortal.Grains.Companies;
using OrleansPortal.Grains.Payments;

namespace OrleansPortal.Web.Admin;

/// <summary>The currency a company's new estimates, invoices and plans take when the request names none.</summary>
public static class CompanyCurrency
{
    /// <summary>The company's currency, or the default for a company never created (its requests fail on their own checks).</summary>
    public static async Task<string> OfAsync(IClusterClient grains, string tenantId) =>
        (await grains.GetGrain<ICompanyGrain>(tenantId).GetAsync())?.Currency ?? Currencies.Default;

    /// <summary>The request's code as stored (upper case), else the company's; only for a code <see cref="Currencies.IsKnown"/> accepted, or none.</summary>
    public static async Task<string> OrCompanysAsync(this string? requested, IClusterClient grains, string tenantId) =>
        requested is null ? await OfAsync(grains, tenantId) : requested.ToUpperInvariant();
}

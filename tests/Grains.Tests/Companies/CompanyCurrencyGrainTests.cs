using OrleansPortal.Grains.Companies;
using OrleansPortal.Grains.Tests.Infrastructure;

namespace OrleansPortal.Grains.Tests.Companies;

/// <summary>The company's currency: EUR until the office sets one, an active ISO 4217 code only, kept in the company's state.</summary>
public sealed class CompanyCurrencyGrainTests(GrainCluster cluster) : IClassFixture<GrainCluster>
{
    private readonly IClusterClient _client = cluster.Client;

    [Fact]
    public async Task ANewCompany_IsInEuros_AndTheCurrencyItSets_IsStoredUpperCase_AndOutlivesItsActivation()
    {
        var company = _client.GetGrain<ICompanyGrain>("tenant-" + TenantKeys.NewId());
        await company.CreateAsync("Acme");
        Assert.Equal("EUR", (await company.GetAsync())!.Currency);

        Assert.Equal("USD", (await company.SetCurrencyAsync("usd")).Currency);
        await cluster.DeactivateAsync(company.GetGrainId());

        Assert.Equal("USD", (await company.GetAsync())!.Currency);
    }

    [Fact]
    public async Task ACodeThatIsNotISO4217_IsRefused_AndTheCurrencyStays()
    {
        var company = _client.GetGrain<ICompanyGrain>("tenant-" + TenantKeys.NewId());
        await company.CreateAsync("Acme");
        await company.SetCurrencyAsync("GBP");

        foreach (var bad in new[] { "EUX", "EU", "EURO", "XXX", "" })
            await Assert.ThrowsAsync<ArgumentException>(() => company.SetCurrencyAsync(bad));

        Assert.Equal("GBP", (await company.GetAsync())!.Currency);
        await Assert.ThrowsAsync<NotFoundException>(() => _client.GetGrain<ICompanyGrain>("tenant-" + TenantKeys.NewId()).SetCurrencyAsync("EUR"));
    }
}

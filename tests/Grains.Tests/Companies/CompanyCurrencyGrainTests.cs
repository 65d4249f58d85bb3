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
        await DeactivateAsync(company);

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

    /// <summary>Gone, as after an idle period: the next call activates it again from storage.</summary>
    private async Task DeactivateAsync(ICompanyGrain company)
    {
        var management = _client.GetGrain<IManagementGrain>(0);
        var id = company.GetGrainId();
        for (var attempt = 0; (await management.GetActiveGrains(id.Type)).Contains(id); attempt++)
        {
            Assert.True(attempt < 100, "the company was never deactivated");
            await Task.Delay(100); // idle for that long, as Orleans' collection counts it
            await management.ForceActivationCollection(TimeSpan.FromMilliseconds(100));
        }
    }
}

using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Customers;

/// <summary>One app with two companies, signed in once for a whole test class (the login rate limit allows 10 a minute).</summary>
public sealed class TwoCompaniesFixture : IAsyncLifetime
{
    public PortalFactory App { get; } = new();

    public TenantScenario Ours { get; private set; } = null!;

    public TenantScenario Theirs { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Ours = await TenantScenario.CreateAsync(App, "Acme Irrigation");
        Theirs = await TenantScenario.CreateAsync(App, "Bolt HVAC");
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}

namespace OrleansPortal.Web.Tests.Infrastructure;

/// <summary>
/// One app with one company for a test class whose tests each make their own customers: signing a dispatcher in per
/// test would run into the login rate limit (10 a minute from one address) in classes with many cases.
/// </summary>
public sealed class CompanyFixture : IAsyncLifetime
{
    public PortalFactory App { get; } = new();

    public TenantScenario Company { get; private set; } = null!;

    public async Task InitializeAsync() => Company = await TenantScenario.CreateAsync(App);

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}

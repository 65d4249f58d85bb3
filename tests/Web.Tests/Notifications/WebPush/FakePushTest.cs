using OrleansPortal.Fakes;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Notifications.WebPush;

/// <summary>A test with its own fake push service and its own app whose pushes go to it (<see cref="PushScenario.App"/>), both gone after the test.</summary>
public abstract class FakePushTest : IAsyncLifetime
{
    protected FakePushService Push { get; private set; } = null!;

    protected PortalFactory App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Push = await FakePushService.StartAsync();
        App = PushScenario.App(Push);
    }

    public async Task DisposeAsync()
    {
        await Push.DisposeAsync();
        App.Dispose();
    }
}

namespace OrleansPortal.Web.Demo;

public static class DemoServices
{
    public const string Switch = "--demo";

    /// <summary>Seeds the Porto demo company and replays taxi traces as live technicians.</summary>
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DemoCompany>();
        builder.Services.AddHostedService<DemoReplay>();
        return builder;
    }
}

using OrleansPortal.Web.Routing.TravelModels;

namespace OrleansPortal.Web.Demo;

public static class DemoServices
{
    public const string Switch = "--demo";

    /// <summary>The same as --demo, as a setting (Demo__Enabled=true), for hosts that pass no command line.</summary>
    public const string EnabledSetting = "Demo:Enabled";

    /// <summary>Seeds the Porto demo company and replays taxi traces as live technicians.</summary>
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DemoCompany>();
        builder.Services.AddSingleton<DemoCustomer>();
        builder.Services.AddSingleton<DemoBilling>();
        builder.Services.AddSingleton<DemoSupport>();
        builder.Services.AddSingleton<DemoHelpCenter>();
        builder.Services.AddSingleton<DemoFeedback>();
        builder.Services.AddSingleton<DemoJobs>();
        builder.Services.AddHostedService<DemoReplay>();
        // The demo's ETAs are learned from the taxi traces it replays, unless a model is configured or already stored.
        builder.Services.PostConfigure<TravelModelOptions>(options => options.TrainFrom ??= DemoReplay.TracesPath);
        // A Porto company writes to its customers in Portuguese, unless configured otherwise or a contact chose English.
        if (string.IsNullOrEmpty(builder.Configuration["Notifications:DefaultLanguage"]))
            builder.Services.PostConfigure<Grains.Notifications.NotificationLinkOptions>(options => options.DefaultLanguage = "pt");
        return builder;
    }
}

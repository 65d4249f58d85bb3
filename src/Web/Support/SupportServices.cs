using OrleansPortal.Web.Email.Inbound;
using OrleansPortal.Web.Support.Cases;
using OrleansPortal.Web.Support.Email;
using OrleansPortal.Web.Support.Feedback;
using OrleansPortal.Web.Support.HelpCenter;
using OrleansPortal.Web.Support.Routing;
using OrleansPortal.Web.Support.Sla;
using OrleansPortal.Web.Support.Widget;

namespace OrleansPortal.Web.Support;

public static class SupportServices
{
    /// <summary>Email to cases, when <c>Support:InboundAddress</c> is set (an address that cannot carry a company's is refused at start).</summary>
    public static IServiceCollection AddSupport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SupportEmailOptions>().Bind(configuration.GetSection(SupportEmailOptions.SectionName))
            .Validate(o => { SupportAddresses.From(o); return true; }).ValidateOnStart();
        services.AddSingleton<IInboundMailbox, CaseMailbox>();
        services.AddSingleton<CaseMailThreads>();
        services.AddHelpPages();
        services.AddSingleton<SurveyForm>();
        services.AddSingleton<OfflineChatCases>();
        services.AddWidget();
        return services;
    }

    /// <summary>
    /// The support desk's APIs (the portal's cases, the team's queue, saved replies, SLA, routing, the help center's
    /// editing, feedback, the website widget's settings), the public help center, the survey and reviews pages, and the
    /// widget's own API.
    /// </summary>
    public static IEndpointRouteBuilder MapSupport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPortalCasesApi();
        endpoints.MapSupportCasesApi();
        endpoints.MapCannedRepliesApi();
        endpoints.MapHelpCenterApi();
        endpoints.MapPortalHelpApi();
        endpoints.MapHelpPages();
        endpoints.MapSupportSlaApi();
        endpoints.MapCasesFromChatApi();
        endpoints.MapSupportRoutingApi();
        endpoints.MapFeedbackApi();
        endpoints.MapFeedbackPages();
        endpoints.MapWidgetSettingsApi();
        endpoints.MapWidgetApi();
        return endpoints;
    }
}

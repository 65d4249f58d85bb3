using OrleansPortal.Web.Hosting;

namespace OrleansPortal.Web.Chat;

public static class ChatServices
{
    /// <summary>Chat's options, its attachment store and the stream-to-SignalR adapter.</summary>
    public static IServiceCollection AddChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ChatOptions>(configuration.GetSection(ChatOptions.SectionName));
        services.AddSingleton<AttachmentStore>();
        services.AddStreamFeed<ChatFeed>();
        return services;
    }

    public static void MapChat(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPortalConversationsApi();
        endpoints.MapConversationsApi();
        endpoints.MapHub<PortalChatHub>(PortalChatHub.Path);
        endpoints.MapHub<TeamChatHub>(TeamChatHub.Path);
    }
}

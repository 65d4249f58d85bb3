using Microsoft.Extensions.Options;
using OrleansPortal.Web.Notifications.Outbox;

namespace OrleansPortal.Web.Notifications.WebPush;

public static class PushServices
{
    /// <summary>Web Push to the technicians' phones: the VAPID keys, the channel and its HTTP client.</summary>
    public static IServiceCollection AddWebPush(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WebPushOptions>(configuration.GetSection(WebPushOptions.SectionName));
        services.AddSingleton<VapidKeyStore>();
        var http = services.AddHttpClient(PushChannel.HttpClientName, (sp, client) => client.Timeout = sp.GetRequiredService<IOptions<WebPushOptions>>().Value.RequestTimeout);
        if (Uri.TryCreate(configuration[$"{WebPushOptions.SectionName}:{nameof(WebPushOptions.ServiceUrl)}"], UriKind.Absolute, out var fake))
            http.AddHttpMessageHandler(() => new ProviderAddressHandler(fake)); // the VAPID audience stays the endpoint's origin
        services.AddSingleton<IMessageChannel, PushChannel>();
        return services;
    }
}

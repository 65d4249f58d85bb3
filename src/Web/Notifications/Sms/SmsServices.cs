using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace OrleansPortal.Web.Notifications.Sms;

public static class SmsServices
{
    /// <summary>
    /// Twilio when <c>Sms:AccountSid</c> is set, otherwise <see cref="UnconfiguredSmsSender"/>; the webhooks' signature
    /// check; and logging defaults for delivery reports and inbound texts, which the outbox and inbound chat replace
    /// (register theirs first, or Replace these).
    /// </summary>
    public static IServiceCollection AddSms(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SmsOptions.SectionName);
        services.Configure<SmsOptions>(section);
        services.AddSingleton<TwilioSignature>();
        services.TryAddSingleton<ISmsDeliveryReports, LoggedSmsDeliveryReports>();
        services.TryAddSingleton<IInboundSmsHandler, LoggedInboundSmsHandler>();
        if (string.IsNullOrWhiteSpace(section[nameof(SmsOptions.AccountSid)]))
        {
            services.AddSingleton<ISmsSender, UnconfiguredSmsSender>();
            return services;
        }

        var http = services.AddHttpClient(TwilioHttpClient.Name, (sp, client) => client.Timeout = sp.GetRequiredService<IOptions<SmsOptions>>().Value.RequestTimeout);
        if (Uri.TryCreate(section[nameof(SmsOptions.ApiBaseUrl)], UriKind.Absolute, out var fake)) http.AddHttpMessageHandler(() => new TwilioApiBaseUrlHandler(fake));
        services.AddSingleton<TwilioHttpClient>();
        services.AddSingleton<ISmsSender, TwilioSmsSender>();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace OrleansPortal.Web.Notifications.Sms;

public static class SmsServices
{
    /// <summary>
    /// Twilio when <c>Sms:AccountSid</c> is set, otherwise <see cref="UnconfiguredSmsSender"/>; the webhooks' signature
    /// check; delivery reports into the outbox's log; and a logging default for inbound texts, which inbound chat will
    /// replace (register it first, or Replace this).
    /// </summary>
    public static IServiceCollection AddSms(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SmsOptions.SectionName);
        services.Configure<SmsOptions>(section);
        services.AddSingleton<TwilioSignature>();
        services.TryAddSingleton<ISmsDeliveryReports, OutboxSmsDeliveryReports>();
        services.TryAddSingleton<IInboundSmsHandler, LoggedInboundSmsHandler>();
        if (string.IsNullOrWhiteSpace(section[nameof(SmsOptions.AccountSid)]))
        {
            services.AddSingleton<ISmsSender, UnconfiguredSmsSender>();
            return services;
        }

        var http = services.AddHttpClient(TwilioHttpClient.Name, (sp, client) => client.Timeout = sp.GetRequiredService<IOptions<SmsOptions>>().Value.RequestTimeout);
        if (Uri.TryCreate(section[nameof(SmsOptions.ApiBaseUrl)], UriKind.Absolute, out var fake)) http.AddHttpMessageHandler(() => new ProviderAddressHandler(fake));
        services.AddSingleton<TwilioHttpClient>();
        services.AddSingleton<ISmsSender, TwilioSmsSender>();
        return services;
    }
}

using Microsoft.Extensions.Options;
using OrleansPortal.Grains.Payments.Autopay;
using OrleansPortal.Web.Payments.Autopay;
using OrleansPortal.Grains.Payments.Dunning;
using OrleansPortal.Web.Payments.Dunning;
using OrleansPortal.Web.Payments.Office;
using OrleansPortal.Web.Payments.Plans;
using OrleansPortal.Web.Payments.Receipts;
using OrleansPortal.Web.Payments.Stripe;
using Stripe;

namespace OrleansPortal.Web.Payments;

public static class PaymentsServices
{
    public const string HttpClientName = "stripe";

    /// <summary>
    /// Stripe when <c>Payments:Stripe:SecretKey</c> is set: the SDK's client (over a pooled HttpClient, at
    /// <c>ApiBase</c> when a test points it at the fake), checkouts and the webhook's processing. Without a key the
    /// portal shows no Pay button and the endpoints say payments are not set up.
    /// </summary>
    public static IServiceCollection AddPayments(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(PaymentsOptions.SectionName);
        services.Configure<PaymentsOptions>(section);
        services.AddSingleton<PaymentReceipts>(); // receipts of payments recorded before a key was removed stay readable
        services.Configure<DunningOptions>(configuration.GetSection("Payments:Dunning"));
        services.AddSingleton<DunningNotices>();
        if (string.IsNullOrWhiteSpace(section[nameof(PaymentsOptions.SecretKey)]))
        {
            services.AddSingleton<IPaymentRetrier, UnconfiguredPaymentRetrier>();
            return services;
        }

        services.AddHttpClient(HttpClientName);
        services.AddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<PaymentsOptions>>().Value;
            var http = new SystemNetHttpClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName), maxNetworkRetries: 2, appInfo: null, enableTelemetry: false);
            return new StripeClient(new StripeClientOptions
            {
                ApiKey = settings.SecretKey,
                HttpClient = http,
                ApiBase = string.IsNullOrWhiteSpace(settings.ApiBase) ? null : settings.ApiBase,
            });
        });
        services.AddSingleton<StripeCheckout>();
        services.AddSingleton<StripeEventProcessor>();
        services.AddSingleton<StripePlanBilling>();
        services.AddSingleton<StripePlanEvents>();
        services.AddSingleton<OfficeRefunds>();
        services.AddSingleton<StripeWallet>();
        services.AddSingleton<StripeAutopay>();
        services.AddSingleton<IInvoiceAutopay>(sp => sp.GetRequiredService<StripeAutopay>()); // replaces the grains' "no autopay"
        services.AddSingleton<IPaymentRetrier, StripePaymentRetrier>();
        return services;
    }

    public static IEndpointRouteBuilder MapPayments(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapStripeWebhook();
        endpoints.MapPortalPaymentsApi();
        endpoints.MapPortalReceiptsApi();
        endpoints.MapPlansApi();
        endpoints.MapPortalPlansApi();
        endpoints.MapOfficeMoneyApi();
        endpoints.MapPortalInvoiceMoneyApi();
        endpoints.MapPortalPaymentMethodsApi();
        endpoints.MapDunningApi();
        return endpoints;
    }
}

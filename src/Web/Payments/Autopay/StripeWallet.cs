using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Payments.Autopay;
using OrleansPortal.Web.Payments.Stripe;
using OrleansPortal.Web.Portal;
using Stripe;
using Stripe.Checkout;

namespace OrleansPortal.Web.Payments.Autopay;

/// <summary>
/// A customer's saved payment methods, which Stripe holds: its Stripe customer (made once, on the first "add"), the
/// setup-mode Checkout where the payer types the card or IBAN on Stripe's page (never ours), the list as Stripe has it
/// now, and detaching. We keep only the ids (<see cref="ICustomerWalletGrain"/>).
/// </summary>
public sealed partial class StripeWallet(StripeClient stripe, IClusterClient grains, IOptions<PaymentsOptions> options, IOptions<PortalOptions> portal)
{
    /// <summary>More than anyone keeps; the list is not paged.</summary>
    private const int MaxListed = 50;

    public ICustomerWalletGrain Wallet(string tenantId, string customerId) => grains.GetGrain<ICustomerWalletGrain>(TenantKeys.For(tenantId, customerId));

    /// <summary>Whether <paramref name="id"/> looks like a Stripe PaymentMethod id, so it can be sent to Stripe at all.</summary>
    public static bool IsMethodId(string? id) => id is not null && MethodId().IsMatch(id);

    /// <summary>The customer's methods, newest first (none before the first was saved).</summary>
    public async Task<IReadOnlyList<PaymentMethod>> ListAsync(CustomerWallet wallet, CancellationToken cancellationToken)
    {
        if (wallet.StripeCustomerId is null) return [];
        var methods = await stripe.V1.Customers.PaymentMethods.ListAsync(wallet.StripeCustomerId, new CustomerPaymentMethodListOptions { Limit = MaxListed },
            cancellationToken: cancellationToken);
        return methods.Data;
    }

    /// <summary>The method autopay charges: the one the payer chose while it is still saved, else the newest saved.</summary>
    public static PaymentMethod? DefaultOf(CustomerWallet wallet, IReadOnlyList<PaymentMethod> methods) =>
        methods.FirstOrDefault(m => m.Id == wallet.DefaultMethodId) ?? methods.FirstOrDefault();

    /// <summary>Where the payer saves a new method: Stripe's page in setup mode, for the customer's Stripe customer.</summary>
    public async Task<Uri> StartSetupAsync(string tenantId, string customerId, CustomerContact contact, CancellationToken cancellationToken)
    {
        var stripeCustomer = await EnsureCustomerAsync(tenantId, customerId, contact, cancellationToken);
        var site = portal.Value.PublicBaseUrl.TrimEnd('/');
        var session = await stripe.V1.Checkout.Sessions.CreateAsync(new SessionCreateOptions
        {
            Mode = "setup",
            Customer = stripeCustomer,
            Locale = contact.Preferences.Language == "pt" ? "pt" : "en",
            SuccessUrl = $"{site}/portal/#payment-methods/added",
            CancelUrl = $"{site}/portal/#payment-methods",
            AllowedPaymentMethodTypes = [.. options.Value.PaymentMethods],
            Metadata = new Dictionary<string, string> { [PaymentAllocations.TenantKey] = tenantId, [PaymentAllocations.CustomerKey] = customerId },
        }, new RequestOptions { IdempotencyKey = $"op-setup:{tenantId}:{customerId}:{Guid.NewGuid():N}" }, cancellationToken); // no money: two clicks may open two pages
        return new Uri(session.Url);
    }

    /// <summary>Detaches the method from the customer at Stripe; it can never be charged again.</summary>
    public Task DetachAsync(string paymentMethodId, CancellationToken cancellationToken) =>
        stripe.V1.PaymentMethods.DetachAsync(paymentMethodId, cancellationToken: cancellationToken);

    // One Stripe customer per customer of ours: the idempotency key is the customer, so two first clicks make one.
    private async Task<string> EnsureCustomerAsync(string tenantId, string customerId, CustomerContact contact, CancellationToken cancellationToken)
    {
        var wallet = Wallet(tenantId, customerId);
        if ((await wallet.GetAsync()).StripeCustomerId is { } known) return known;
        var customer = await grains.GetGrain<ICustomerGrain>(TenantKeys.For(tenantId, customerId)).GetAsync();
        var created = await stripe.V1.Customers.CreateAsync(new CustomerCreateOptions
        {
            Name = customer.Name,
            Email = contact.Email,
            PreferredLocales = [contact.Preferences.Language ?? "en"],
            Metadata = new Dictionary<string, string> { [PaymentAllocations.TenantKey] = tenantId, [PaymentAllocations.CustomerKey] = customerId },
        }, new RequestOptions { IdempotencyKey = $"op-customer:{tenantId}:{customerId}" }, cancellationToken);
        return await wallet.LinkStripeCustomerAsync(created.Id);
    }

    [GeneratedRegex("^pm_[A-Za-z0-9]{1,100}$")]
    private static partial Regex MethodId();
}

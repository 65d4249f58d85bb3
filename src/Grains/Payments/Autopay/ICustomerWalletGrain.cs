using Orleans;

namespace OrleansPortal.Grains.Payments.Autopay;

/// <summary>
/// One customer's saved-payment settings (key <c>{tenant}:{customer}</c>): the Stripe customer their methods are saved
/// to, the method they chose as default, whether autopay is on, and which invoices autopay already charged. Stripe holds
/// the methods themselves; this holds only ids.
/// </summary>
[Alias("op.ICustomerWalletGrain")]
public interface ICustomerWalletGrain : IGrainWithStringKey
{
    /// <summary>The settings as they are now (all empty for a customer who never saved a method).</summary>
    Task<CustomerWallet> GetAsync();

    /// <summary>Keeps <paramref name="stripeCustomerId"/> unless one is kept already; answers the one kept, so two racing links agree.</summary>
    Task<string> LinkStripeCustomerAsync(string stripeCustomerId);

    /// <summary>Makes <paramref name="paymentMethodId"/> the default (null: none chosen). The caller checked it is the customer's.</summary>
    Task<CustomerWallet> ChooseDefaultAsync(string? paymentMethodId);

    /// <summary>Turns autopay on or off, remembering which contact did it.</summary>
    Task<CustomerWallet> SetAutopayAsync(bool on, string contactId);

    /// <summary>Whether autopay already tried to charge the invoice (whatever came of it): a retried issue never charges twice.</summary>
    Task<bool> WasChargedAsync(string invoiceId);

    /// <summary>Remembers that autopay tried to charge the invoice, with Stripe's PaymentIntent when one was made.</summary>
    Task RecordChargeAsync(string invoiceId, string? paymentIntentId);

    /// <summary>Whether the failure named <paramref name="failureKey"/> (a PaymentIntent, or "invoice:{id}") was reported already.</summary>
    Task<bool> WasFailureToldAsync(string failureKey);

    /// <summary>Remembers that the failure was reported, once it was: a report that failed is made again.</summary>
    Task MarkFailureToldAsync(string failureKey);
}

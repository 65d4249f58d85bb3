using Orleans;
using Orleans.Runtime;

namespace OrleansPortal.Grains.Payments.Autopay;

[GenerateSerializer, Alias("op.CustomerWalletState")]
public sealed class CustomerWalletState
{
    [Id(0)]
    public string? StripeCustomerId { get; set; }

    [Id(1)]
    public string? DefaultMethodId { get; set; }

    [Id(2)]
    public bool Autopay { get; set; }

    [Id(3)]
    public string? AutopayChangedBy { get; set; }

    [Id(4)]
    public DateTimeOffset? AutopayChangedAt { get; set; }

    /// <summary>Invoices autopay tried, oldest first, with the PaymentIntent made ("" when Stripe refused before making one).</summary>
    [Id(5)]
    public List<AutopayCharge> Charges { get; set; } = [];

    /// <summary>Failures the payers were told about, oldest first.</summary>
    [Id(6)]
    public List<string> FailuresTold { get; set; } = [];
}

public sealed class CustomerWalletGrain([PersistentState("customer-wallet")] IPersistentState<CustomerWalletState> state, DomainClock clock)
    : Grain, ICustomerWalletGrain
{
    /// <summary>
    /// How many charges and told failures are remembered. A retry comes within minutes of the issue, so the last few
    /// hundred invoices are plenty, and the state stays small however long the customer pays by autopay.
    /// </summary>
    private const int Remembered = 500;

    public Task<CustomerWallet> GetAsync() => Task.FromResult(Snapshot());

    public async Task<string> LinkStripeCustomerAsync(string stripeCustomerId)
    {
        if (state.State.StripeCustomerId is { } kept) return kept;
        state.State.StripeCustomerId = stripeCustomerId;
        await state.WriteStateAsync();
        return stripeCustomerId;
    }

    public async Task<CustomerWallet> ChooseDefaultAsync(string? paymentMethodId)
    {
        if (state.State.DefaultMethodId == paymentMethodId) return Snapshot();
        state.State.DefaultMethodId = paymentMethodId;
        await state.WriteStateAsync();
        return Snapshot();
    }

    public async Task<CustomerWallet> SetAutopayAsync(bool on, string contactId)
    {
        if (state.State.Autopay == on) return Snapshot();
        state.State.Autopay = on;
        state.State.AutopayChangedBy = contactId;
        state.State.AutopayChangedAt = clock.GetUtcNow();
        await state.WriteStateAsync();
        return Snapshot();
    }

    public Task<bool> WasChargedAsync(string invoiceId) => Task.FromResult(state.State.Charges.Any(c => c.InvoiceId == invoiceId));

    public async Task RecordChargeAsync(string invoiceId, string? paymentIntentId)
    {
        if (state.State.Charges.Any(c => c.InvoiceId == invoiceId)) return;
        state.State.Charges.Add(new AutopayCharge(invoiceId, paymentIntentId ?? ""));
        Trim(state.State.Charges);
        await state.WriteStateAsync();
    }

    public Task<bool> WasFailureToldAsync(string failureKey) => Task.FromResult(state.State.FailuresTold.Contains(failureKey));

    public async Task MarkFailureToldAsync(string failureKey)
    {
        if (state.State.FailuresTold.Contains(failureKey)) return;
        state.State.FailuresTold.Add(failureKey);
        Trim(state.State.FailuresTold);
        await state.WriteStateAsync();
    }

    private static void Trim<T>(List<T> list)
    {
        if (list.Count > Remembered) list.RemoveRange(0, list.Count - Remembered);
    }

    private CustomerWallet Snapshot() => new(state.State.StripeCustomerId, state.State.DefaultMethodId, state.State.Autopay,
        state.State.AutopayChangedBy, state.State.AutopayChangedAt);
}

/// <summary>An invoice autopay tried, and the PaymentIntent it made ("" when Stripe refused before making one).</summary>
[GenerateSerializer, Immutable, Alias("op.AutopayCharge")]
public sealed record AutopayCharge(string InvoiceId, string PaymentIntentId);

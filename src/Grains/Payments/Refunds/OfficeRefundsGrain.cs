using Orleans;
using Orleans.Runtime;
using OrleansPortal.Grains.Documents;

namespace OrleansPortal.Grains.Payments.Refunds;

[GenerateSerializer, Alias("op.OfficeRefundsState")]
public sealed class OfficeRefundsState
{
    [Id(0)]
    public List<OfficeRefund> Refunds { get; set; } = [];
}

/// <summary>
/// Reservations are checked and stored one call at a time (the grain is not reentrant), so two refunds asked at once
/// are weighed one after the other against the same ledger.
/// </summary>
public sealed class OfficeRefundsGrain([PersistentState("office-refunds")] IPersistentState<OfficeRefundsState> state, DomainClock clock)
    : Grain, IOfficeRefundsGrain
{
    public async Task<OfficeRefund> ReserveAsync(RefundRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Amount <= 0) throw new ArgumentOutOfRangeException(nameof(request), "A refund is of more than zero.");
        if (Find(request.RequestId) is { } earlier)
        {
            if (earlier.PaymentId == request.PaymentId && earlier.Amount == request.Amount && !earlier.Released) return earlier;
            if (!earlier.Released) throw new ConflictException("This refund was already asked for with another payment or amount.");
        }

        var invoice = GrainFactory.GetGrain<IInvoiceGrain>(this.GetPrimaryKeyString());
        var ledger = await invoice.GetLedgerAsync();
        if (RefundableAmount.Brought(ledger, request.PaymentId) == 0) throw new ConflictException("That payment did not pay this invoice.");
        var left = RefundableAmount.Of(ledger, state.State.Refunds, request.PaymentId);
        if (request.Amount > left)
        {
            var currency = (await invoice.GetAsync()).Details.Currency;
            throw new ConflictException(left == 0
                ? "Nothing of this payment is left to refund on this invoice."
                : $"Only {new Money(left, currency)} of this payment is left to refund on this invoice.");
        }

        var reserved = new OfficeRefund(request.RequestId, request.PaymentId, request.Amount, request.Reason, request.Actor, clock.GetUtcNow(), null, OfficeRefund.Requested);
        state.State.Refunds.RemoveAll(r => r.RequestId == request.RequestId); // a released one asked again
        state.State.Refunds.Add(reserved);
        await state.WriteStateAsync();
        return reserved;
    }

    public async Task<OfficeRefund> SentAsync(Guid requestId, string refundId, string status)
    {
        var refund = Find(requestId) ?? throw new NotFoundException($"No refund {requestId} was asked for on this invoice.");
        var sent = refund with { RefundId = refundId, Status = status };
        if (sent == refund) return refund;
        Replace(sent);
        await state.WriteStateAsync();
        return sent;
    }

    public async Task ReleaseAsync(Guid requestId, string status)
    {
        if (Find(requestId) is not { } refund || refund.Status == status) return;
        Replace(refund with { Status = status });
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<OfficeRefund>> GetAsync() => Task.FromResult<IReadOnlyList<OfficeRefund>>([.. state.State.Refunds]);

    private OfficeRefund? Find(Guid requestId) => state.State.Refunds.FirstOrDefault(r => r.RequestId == requestId);

    private void Replace(OfficeRefund refund) =>
        state.State.Refunds[state.State.Refunds.FindIndex(r => r.RequestId == refund.RequestId)] = refund;
}

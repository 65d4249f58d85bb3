using OrleansPortal.Grains.Documents;

namespace OrleansPortal.Grains.Payments.Autopay;

/// <summary>Autopay where payments are not set up (and in grain tests): no invoice is charged.</summary>
public sealed class NoInvoiceAutopay : IInvoiceAutopay
{
    public Task ChargeIssuedAsync(string tenantId, Invoice invoice, CancellationToken cancellationToken = default) => Task.CompletedTask;
}

namespace OrleansPortal.Grains.Payments.Records;

/// <summary>
/// Payment attempts as the provider reports them (table <c>payments</c>): what the money view counts by status. The
/// ledger, not this, holds the money; this holds the attempts, failed ones too.
/// </summary>
public interface IPaymentRecords
{
    /// <summary>
    /// Stores the attempt, or moves a stored one on. A status only moves forward (processing, then failed or canceled,
    /// then succeeded), so reports delivered late or twice never move it back. False when nothing changed.
    /// </summary>
    Task<bool> RecordAsync(PaymentRecord record, CancellationToken cancellationToken = default);

    /// <summary>The company's attempts created at or after <paramref name="from"/> and before <paramref name="to"/>, oldest first.</summary>
    Task<IReadOnlyList<PaymentRecord>> ForTenantAsync(string tenantId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    /// <summary>A customer's attempts, newest first.</summary>
    Task<IReadOnlyList<PaymentRecord>> ForCustomerAsync(string tenantId, string customerId, int limit, CancellationToken cancellationToken = default);

    /// <summary>One payment of the company, or null when it has none by that id.</summary>
    Task<PaymentRecord?> FindAsync(string tenantId, string paymentId, CancellationToken cancellationToken = default);
}

using System.Data.Common;
using OrleansPortal.Grains.Storage;

namespace OrleansPortal.Grains.Payments.Records;

/// <summary><see cref="IPaymentRecords"/> on table <c>payments</c> (PostgreSQL or SQLite).</summary>
public sealed class PaymentRecords(PortalDatabase database) : IPaymentRecords
{
    private const string Columns = "tenant_id, payment_id, customer_id, invoice_ids, amount, currency, method, status, failure, created_at, updated_at";

    // The rank of a status: a report moves a row only to a higher one.
    private const string RankOfNew = "CASE excluded.status WHEN 'succeeded' THEN 2 WHEN 'processing' THEN 0 ELSE 1 END";
    private const string RankOfStored = "CASE payments.status WHEN 'succeeded' THEN 2 WHEN 'processing' THEN 0 ELSE 1 END";

    private const string Upsert =
        $"INSERT INTO payments ({Columns}) VALUES (@tenant, @payment, @customer, @invoices, @amount, @currency, @method, @status, @failure, @created, @updated) " +
        "ON CONFLICT (tenant_id, payment_id) DO UPDATE SET status = excluded.status, failure = excluded.failure, " +
        "method = COALESCE(excluded.method, payments.method), updated_at = excluded.updated_at " +
        $"WHERE {RankOfNew} > {RankOfStored}";

    public async Task<bool> RecordAsync(PaymentRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return await database.ExecuteAsync(Upsert, a => a
            .Add("@tenant", record.TenantId).Add("@payment", record.PaymentId).Add("@customer", record.CustomerId)
            .Add("@invoices", string.Join(' ', record.InvoiceIds)).Add("@amount", record.Amount).Add("@currency", record.Currency.ToUpperInvariant())
            .Add("@method", record.Method).Add("@status", Name(record.Status)).Add("@failure", record.Failure)
            .AddTime("@created", record.CreatedAt).AddTime("@updated", record.UpdatedAt), cancellationToken) > 0;
    }

    public async Task<IReadOnlyList<PaymentRecord>> ForTenantAsync(string tenantId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        await database.QueryAsync($"SELECT {Columns} FROM payments WHERE tenant_id = @tenant AND created_at >= @from AND created_at < @to ORDER BY created_at, payment_id",
            a => a.Add("@tenant", tenantId).AddTime("@from", from).AddTime("@to", to), Read, cancellationToken);

    public async Task<IReadOnlyList<PaymentRecord>> ForCustomerAsync(string tenantId, string customerId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return await database.QueryAsync(
            $"SELECT {Columns} FROM payments WHERE tenant_id = @tenant AND customer_id = @customer ORDER BY created_at DESC, payment_id LIMIT @limit",
            a => a.Add("@tenant", tenantId).Add("@customer", customerId).Add("@limit", limit), Read, cancellationToken);
    }

    public async Task<PaymentRecord?> FindAsync(string tenantId, string paymentId, CancellationToken cancellationToken = default) =>
        (await database.QueryAsync($"SELECT {Columns} FROM payments WHERE tenant_id = @tenant AND payment_id = @payment",
            a => a.Add("@tenant", tenantId).Add("@payment", paymentId), Read, cancellationToken)).SingleOrDefault();

    private static string Name(PaymentStatus status) => status.ToString().ToLowerInvariant();

    private PaymentRecord Read(DbDataReader r) => new(
        TenantId: r.GetString(0),
        PaymentId: r.GetString(1),
        CustomerId: r.GetString(2),
        InvoiceIds: r.GetString(3).Split(' ', StringSplitOptions.RemoveEmptyEntries),
        Amount: r.GetInt64(4),
        Currency: r.GetString(5),
        Method: r.IsDBNull(6) ? null : r.GetString(6),
        Status: Enum.Parse<PaymentStatus>(r.GetString(7), ignoreCase: true),
        Failure: r.IsDBNull(8) ? null : r.GetString(8),
        CreatedAt: database.ReadTime(r, 9),
        UpdatedAt: database.ReadTime(r, 10));
}

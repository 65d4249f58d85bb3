using Npgsql;

namespace OrleansPortal.Benchmarks.Payments;

/// <summary>
/// The database after the storm, read with plain SQL (not through the app), against what the generator knows it paid:
/// <list type="bullet">
/// <item>balance errors: invoices whose ledger rows do not sum to the expected billed, paid and refunded amounts, to the
/// cent, or that hold money from a PaymentIntent or Refund other than the ones that paid or refunded them; and plan
/// periods Stripe was paid for that are not one invoice of ours issued and paid for the plan's price;</item>
/// <item>double charges: a PaymentIntent or Refund recorded more than once for an invoice, or anything recorded from a
/// wrongly signed event (the event marked processed, or a ledger or payments row of the PaymentIntent it names);</item>
/// <item>wrong payment records: a PaymentIntent whose row in <c>payments</c> is missing or has another status than it
/// ended in at Stripe (reported, not part of the figure).</item>
/// </list>
/// </summary>
internal static class LedgerAudit
{
    public static async Task<AuditResult> RunAsync(string connectionString, string tenantId, ExpectedMoney expected)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var rows = await ReadAsync(connection, "SELECT invoice_id, kind, amount, COALESCE(source, '') FROM money_ledger WHERE tenant_id = @key", tenantId,
            r => new LedgerRow(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetString(3)));
        var payments = (await ReadAsync(connection, "SELECT payment_id, status FROM payments WHERE tenant_id = @key", tenantId, r => (Id: r.GetString(0), Status: r.GetString(1))))
            .ToDictionary(p => p.Id, p => p.Status, StringComparer.Ordinal);
        var processed = (await ReadAsync(connection, "SELECT event_id FROM payment_events WHERE provider = @key", "stripe", r => r.GetString(0))).ToHashSet(StringComparer.Ordinal);

        var receipts = await ReadAsync(connection,
            "SELECT channel || ' ' || status || COALESCE(' (' || error || ')', '') || ' ' || count(*) FROM notification_outbox " +
            "WHERE tenant_id = @key AND trigger_name = 'PaymentReceipt' GROUP BY channel, status, error",
            tenantId, r => r.GetString(0));

        var byInvoice = rows.ToLookup(r => r.InvoiceId, StringComparer.Ordinal);
        var balanceErrors = new List<string>();
        foreach (var (invoiceId, money) in expected.Invoices)
        {
            var mine = byInvoice[invoiceId].ToList();
            long Sum(params string[] kinds) => mine.Where(r => kinds.Contains(r.Kind)).Sum(r => r.Amount);
            var (billed, paid, refunded, credited) = (Sum("issued"), Sum("paid", "partially_paid"), Sum("refunded"), Sum("credited"));
            var moved = mine.Where(r => r.Kind is "paid" or "partially_paid" or "refunded").GroupBy(r => r.Source).ToDictionary(g => g.Key, g => g.First().Amount, StringComparer.Ordinal);
            var sources = money.Sources;
            var same = billed == money.Billed && paid == money.Paid && refunded == money.Refunded && credited == money.Refunded
                && moved.Count == sources.Count && sources.All(s => moved.TryGetValue(s.Key, out var amount) && amount == s.Value);
            if (!same)
                balanceErrors.Add($"{invoiceId}: ledger billed {billed} paid {paid} refunded {refunded} credited {credited} (due {billed - credited - (paid - refunded)}); " +
                    $"expected billed {money.Billed} paid {money.Paid} refunded {money.Refunded} (due {money.Due}); sources {string.Join(' ', moved.Keys)} vs {string.Join(' ', sources.Keys)}");
        }

        // A plan's paid period: one invoice of ours, issued for the plan's price and paid by that Stripe invoice, once.
        var paidBySource = rows.Where(r => r.Kind is "paid" or "partially_paid").ToLookup(r => r.Source, StringComparer.Ordinal);
        foreach (var (subscription, periods) in expected.PaidPeriods)
        {
            foreach (var period in periods)
            {
                var paid = paidBySource[period].ToList();
                var issued = paid is [var one] ? byInvoice[one.InvoiceId].Where(r => r.Kind == "issued").Sum(r => r.Amount) : 0;
                if (paid is not [{ Kind: "paid", Amount: PlanEnrolments.Price }] || issued != PlanEnrolments.Price)
                    balanceErrors.Add($"plan {subscription}, period paid by {period}: {paid.Count} payment rows ({string.Join(' ', paid.Select(r => $"{r.Kind} {r.Amount} on {r.InvoiceId}"))}), issued {issued}");
            }
        }

        var doubles = rows.Where(r => r.Source.Length > 0).GroupBy(r => (r.InvoiceId, r.Source)).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key.Source} recorded {g.Count()} times on invoice {g.Key.InvoiceId}").ToList();
        doubles.AddRange(expected.ForgedEvents.Keys.Where(processed.Contains).Select(id => $"wrongly signed event {id} was processed"));
        doubles.AddRange(rows.Where(r => expected.ForgedPayments.ContainsKey(r.Source)).Select(r => $"wrongly signed event's {r.Source} recorded on invoice {r.InvoiceId}"));
        doubles.AddRange(expected.ForgedPayments.Keys.Where(payments.ContainsKey).Select(id => $"wrongly signed event's {id} has a payments row"));

        var wrongRecords = expected.PaymentStatuses.Where(p => payments.GetValueOrDefault(p.Key) != p.Value)
            .Select(p => $"{p.Key}: payments row {payments.GetValueOrDefault(p.Key) ?? "missing"}, Stripe says {p.Value}").ToList();
        return new AuditResult(balanceErrors, doubles, wrongRecords, processed, receipts);
    }

    private static async Task<List<T>> ReadAsync<T>(NpgsqlConnection connection, string sql, string key, Func<NpgsqlDataReader, T> map)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("key", key);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(map(reader));
        return rows;
    }

    private sealed record LedgerRow(string InvoiceId, string Kind, long Amount, string Source);
}

/// <param name="Processed">Every event id in <c>payment_events</c>.</param>
/// <param name="Receipts">The receipts in the outbox, "channel status (why) count" (not part of the figure).</param>
internal sealed record AuditResult(
    IReadOnlyList<string> BalanceErrors, IReadOnlyList<string> DoubleCharges, IReadOnlyList<string> WrongPaymentRecords, IReadOnlySet<string> Processed,
    IReadOnlyList<string> Receipts);

using System.Globalization;

namespace OrleansPortal.Grains.Documents;

/// <summary>
/// The invoices an estimate gives rise to. Their lines carry amounts of the estimate's total as it stands (tax
/// included, so no tax is added again), and the paid deposit comes off a progress invoice as a negative line.
/// </summary>
public static class EstimateInvoices
{
    /// <summary>
    /// Who issues a deposit invoice: the contact who approved the estimate ("contact:{id}"). They pay it at once on
    /// Stripe's page, so autopay leaves invoices issued this way alone.
    /// </summary>
    public const string ContactIssuerPrefix = "contact:";

    public static NewInvoice Deposit(Estimate estimate, long amount, DateOnly dueDate, string issuedBy) =>
        For(estimate, $"Deposit: {estimate.Details.Title}", [new LineItem($"Deposit for estimate {estimate.DisplayNumber}", 1, amount)], dueDate, issuedBy);

    public static NewInvoice Progress(Estimate estimate, ProgressBill bill, long amount, long depositCredit, string? depositNumber)
    {
        var what = bill.Rate is { } rate
            ? $"{(rate / 100m).ToString("0.##", CultureInfo.InvariantCulture)} % of estimate {estimate.DisplayNumber}"
            : $"Progress billing of estimate {estimate.DisplayNumber}";
        List<LineItem> lines = [new LineItem(what, 1, amount)];
        if (depositCredit > 0) lines.Add(new LineItem($"Less deposit paid ({depositNumber})", 1, -depositCredit));
        return For(estimate, $"Progress: {estimate.Details.Title}", lines, bill.DueDate, bill.IssuedBy);
    }

    private static NewInvoice For(Estimate estimate, string title, IReadOnlyList<LineItem> lines, DateOnly dueDate, string issuedBy)
    {
        var d = estimate.Details;
        return new NewInvoice(d.CustomerId, d.PropertyId, d.TicketId, title, lines, d.Currency, dueDate, issuedBy);
    }
}

namespace OrleansPortal.Web.Payments.Receipts;

/// <summary>What a receipt says, already in the reader's words and amounts: the writer only lays it out.</summary>
public sealed record ReceiptPdfContent(
    ReceiptPdfLabels Labels,
    string CompanyName,
    string Reference,
    string DatePaid,
    string Method,
    string PaidBy,
    IReadOnlyList<ReceiptPdfLine> Lines,
    string Total);

/// <summary>One invoice the payment went to, and how much of it.</summary>
public sealed record ReceiptPdfLine(string Text, string Amount);

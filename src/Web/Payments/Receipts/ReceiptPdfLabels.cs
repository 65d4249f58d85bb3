using System.Globalization;

namespace OrleansPortal.Web.Payments.Receipts;

/// <summary>The words of a payment receipt in English and European Portuguese (ours: the app runs with invariant globalization).</summary>
public sealed record ReceiptPdfLabels(
    string Title,
    string Reference,
    string DatePaid,
    string Method,
    string PaidBy,
    string AppliedTo,
    string Invoice,
    string Total,
    string ThankYou,
    string Card,
    string SepaDebit,
    string BankAccount,
    string PageOf,
    string FileName)
{
    public static readonly ReceiptPdfLabels English = new(
        Title: "Receipt",
        Reference: "Reference",
        DatePaid: "Date paid",
        Method: "Paid with",
        PaidBy: "Paid by",
        AppliedTo: "Applied to",
        Invoice: "Invoice {0}",
        Total: "Total paid",
        ThankYou: "Thank you for your payment.",
        Card: "Card",
        SepaDebit: "SEPA Direct Debit",
        BankAccount: "Bank account (ACH)",
        PageOf: "Page {0} of {1}",
        FileName: "receipt");

    public static readonly ReceiptPdfLabels Portuguese = new(
        Title: "Recibo",
        Reference: "Referência",
        DatePaid: "Data do pagamento",
        Method: "Pago com",
        PaidBy: "Pago por",
        AppliedTo: "Aplicado a",
        Invoice: "Fatura {0}",
        Total: "Total pago",
        ThankYou: "Obrigado pelo seu pagamento.",
        Card: "Cartão",
        SepaDebit: "Débito Direto SEPA",
        BankAccount: "Conta bancária (ACH)",
        PageOf: "Página {0} de {1}",
        FileName: "recibo");

    /// <summary>Portuguese for "pt" and its regions, English for anything else.</summary>
    public static ReceiptPdfLabels For(string? language) =>
        language is not null && language.StartsWith("pt", StringComparison.OrdinalIgnoreCase) ? Portuguese : English;

    public string Page(int number, int count) => string.Format(CultureInfo.InvariantCulture, PageOf, number, count);

    public string InvoiceLine(string number) => string.Format(CultureInfo.InvariantCulture, Invoice, number);

    /// <summary>How the customer paid, in words: Stripe's payment method type, or as Stripe names it when we have no word for it.</summary>
    public string MethodName(string? method) => method switch
    {
        "card" => Card,
        "sepa_debit" => SepaDebit,
        "us_bank_account" => BankAccount,
        null or "" => "—",
        _ => method,
    };
}

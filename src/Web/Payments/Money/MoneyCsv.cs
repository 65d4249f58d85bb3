using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansPortal.Grains.Documents;
using OrleansPortal.Grains.Payments;
using OrleansPortal.Grains.Payments.Records;
using OrleansPortal.Grains.Payments.Reports;
using MoneyAmount = OrleansPortal.Grains.Payments.Money;

namespace OrleansPortal.Web.Payments.Money;

/// <summary>
/// The money view's exports: UTF-8 CSV (RFC 4180, CRLF) with a header row, amounts in major units with a period
/// ("123.45") beside their currency, so a spreadsheet in any locale reads the same figure. A text field that a
/// spreadsheet would run as a formula (a customer named "=1+1") is written as text.
/// </summary>
public static class MoneyCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape };

    public static FileContentHttpResult Outstanding(IReadOnlyList<OutstandingInvoice> invoices, DateOnly asOf, HttpContext http) =>
        File(http, $"outstanding-{Day(asOf)}.csv",
            ["number", "invoice_id", "customer_id", "customer_name", "due_on", "days_past_due", "age", "amount_due", "currency"],
            invoices, (csv, i) =>
            {
                csv.WriteRecordStart(InvoiceNumbers.Display(i.Number), i.InvoiceId, i.CustomerId, i.CustomerName ?? "", Day(i.DueOn));
                csv.WriteField(i.DaysPastDue, "D");
                csv.WriteField(AgeName(i.Bucket));
                Amount(csv, i.Due, i.Currency);
            });

    /// <param name="zone">The company's zone: times are written as its clocks read them, with their offset (ISO 8601).</param>
    public static FileContentHttpResult Payments(IReadOnlyList<PaymentRecord> payments, MoneyPeriod period, TimeZoneInfo zone, HttpContext http) =>
        File(http, $"payments-{Day(period.From)}-{Day(period.To)}.csv",
            ["payment_id", "created_at", "customer_id", "invoice_ids", "status", "method", "amount", "currency", "failure"],
            payments, (csv, p) =>
            {
                csv.WriteRecordStart(p.PaymentId, TimeZoneInfo.ConvertTime(p.CreatedAt, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), p.CustomerId,
                    string.Join(' ', p.InvoiceIds), p.Status.ToString().ToLowerInvariant(), p.Method ?? "");
                Amount(csv, p.Amount, p.Currency);
                csv.WriteField(p.Failure ?? "");
            });

    /// <summary>The age bucket as the CSV names it: not_yet_due, 0-30, 31-60, 61-90, 90+.</summary>
    public static string AgeName(AgeBucket bucket) => bucket switch
    {
        AgeBucket.NotYetDue => "not_yet_due",
        AgeBucket.Days0To30 => "0-30",
        AgeBucket.Days31To60 => "31-60",
        AgeBucket.Days61To90 => "61-90",
        _ => "90+",
    };

    // Numbers go in as numbers (never as text), so the formula guard leaves "-5" days and amounts alone.
    private static void Amount(CsvWriter csv, long minor, string currency)
    {
        csv.WriteField(new MoneyAmount(minor, currency).Major, "F" + Currencies.Decimals(currency).ToString(CultureInfo.InvariantCulture));
        csv.WriteField(currency);
    }

    private static void WriteRecordStart(this CsvWriter csv, params string[] fields)
    {
        foreach (var field in fields) csv.WriteField(field);
    }

    private static FileContentHttpResult File<T>(HttpContext http, string name, string[] header, IEnumerable<T> items, Action<CsvWriter, T> write)
    {
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, Options, leaveOpen: true))
        {
            csv.WriteHeader(header);
            foreach (var item in items)
            {
                write(csv, item);
                csv.EndRecord();
            }
        }

        http.Response.Headers.CacheControl = "private, no-store"; // money changes by the minute: never a stale copy
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(buffer.ToArray(), ContentType, name);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

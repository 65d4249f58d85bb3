using OrleansPortal.Grains.Payments;
using OrleansPortal.Grains.Payments.Reports;

namespace OrleansPortal.Web.Payments.Money;

/// <summary>
/// The figures of one currency, with its <see cref="Decimals"/> (2 for EUR) so the page shows minor units exactly, and
/// the outstanding invoices behind <see cref="Outstanding"/> for the drill-down.
/// </summary>
public sealed record CurrencyFiguresDto(
    string Currency, int Decimals, OutstandingByAge Outstanding, IReadOnlyList<OutstandingInvoiceDto> Invoices, PaymentsByStatus Payments,
    IReadOnlyList<MonthRevenue> Revenue, long ReceivedThisMonth, PlanFigures Plans, MoneyForecast Forecast)
{
    public static CurrencyFiguresDto Of(CurrencyFigures figures, IEnumerable<OutstandingInvoice> invoices, MoneyForecast forecast) => new(
        figures.Currency, Currencies.Decimals(figures.Currency), figures.Outstanding, [.. invoices.Select(OutstandingInvoiceDto.Of)],
        figures.Payments, figures.Revenue, figures.ReceivedThisMonth, figures.Plans, forecast);
}

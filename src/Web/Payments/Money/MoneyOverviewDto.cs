using OrleansPortal.Grains.Payments.Reports;

namespace OrleansPortal.Web.Payments.Money;

/// <summary>
/// The money view as the page reads it. <see cref="Currency"/> is the company's main currency (the first of
/// <see cref="Currencies"/>); every amount is in integer minor units of its figures' currency.
/// </summary>
public sealed record MoneyOverviewDto(DateOnly From, DateOnly To, DateOnly AsOf, string TimeZone, string Currency, IReadOnlyList<CurrencyFiguresDto> Currencies)
{
    public static MoneyOverviewDto Of(MoneyOverview overview, IReadOnlyList<OutstandingInvoice> outstanding) => new(
        overview.From, overview.To, overview.AsOf, overview.TimeZone, overview.Currencies[0].Currency,
        [.. overview.Currencies.Select(c => CurrencyFiguresDto.Of(c, outstanding.Where(i => i.Currency == c.Currency)))]);
}

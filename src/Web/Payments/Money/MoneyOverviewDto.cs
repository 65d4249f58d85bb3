using OrleansPortal.Grains.Payments.Reports;

namespace OrleansPortal.Web.Payments.Money;

/// <summary>
/// The money view as the page reads it. <see cref="Currency"/> is the first of <see cref="Currencies"/>: the company's
/// currency when it has money in it (or none at all); every amount is in integer minor units of its figures' currency.
/// </summary>
public sealed record MoneyOverviewDto(DateOnly From, DateOnly To, DateOnly AsOf, string TimeZone, string Currency, IReadOnlyList<CurrencyFiguresDto> Currencies)
{
    /// <summary>
    /// The figures of each currency with its forecast (an empty one for a currency with nothing ahead). A forecast's
    /// currency the period has no figures in is left out: the page shows the period's currencies.
    /// </summary>
    public static MoneyOverviewDto Of(MoneyOverview overview, IReadOnlyList<OutstandingInvoice> outstanding, IReadOnlyList<MoneyForecast> forecasts) => new(
        overview.From, overview.To, overview.AsOf, overview.TimeZone, overview.Currencies[0].Currency,
        [.. overview.Currencies.Select(c => CurrencyFiguresDto.Of(c, outstanding.Where(i => i.Currency == c.Currency),
            forecasts.FirstOrDefault(f => f.Currency == c.Currency) ?? new MoneyForecast(c.Currency, 0, 0, [])))]);
}

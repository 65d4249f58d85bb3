namespace OrleansPortal.Grains.Payments.Reports;

/// <summary>
/// The money view of one company for a period. <see cref="Currencies"/> holds one set of figures per currency the
/// company has money in (the company's currency first, and alone, empty, when there is none yet).
/// </summary>
public sealed record MoneyOverview(DateOnly From, DateOnly To, DateOnly AsOf, string TimeZone, IReadOnlyList<CurrencyFigures> Currencies);

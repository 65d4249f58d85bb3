namespace OrleansPortal.Grains.Payments.Reports;

/// <summary>The money view's forecast: plan renewals and scheduled jobs over the months ahead (see <see cref="MoneyForecast"/>).</summary>
public interface IMoneyForecasts
{
    /// <summary>One forecast per currency the company invoices or bills plans in (the company's first; the company's alone when none).</summary>
    Task<IReadOnlyList<MoneyForecast>> ForecastAsync(ForecastQuery query, CancellationToken cancellationToken = default);
}

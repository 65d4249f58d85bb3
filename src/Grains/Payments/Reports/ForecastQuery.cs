namespace OrleansPortal.Grains.Payments.Reports;

/// <summary>
/// What a forecast is computed from besides the database: the company's today and zone, and the days of its open jobs
/// from today on (dispatch's plan knows them; the reports never ask a grain per job), and the company's currency, listed
/// first (alone when there is nothing to forecast).
/// </summary>
public sealed record ForecastQuery(string TenantId, DateOnly Today, string TimeZone, IReadOnlyList<DateOnly> ScheduledJobDays, string Currency = Currencies.Default);

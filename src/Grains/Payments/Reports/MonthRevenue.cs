namespace OrleansPortal.Grains.Payments.Reports;

/// <summary>
/// One calendar month of the period in the company's time zone (the first and last clipped to the period), by the
/// ledger rows' time: <see cref="Received"/> = paid + partially paid - refunded; <see cref="Invoiced"/> = issued - credited.
/// Either may be negative in a month whose refunds or credit notes outweigh its new money.
/// </summary>
public sealed record MonthRevenue(int Year, int Month, long Received, long Invoiced);

namespace OrleansPortal.Grains.Payments.Reports;

/// <summary>Every figure of the money view in one currency; amounts are integer minor units of <see cref="Currency"/>.</summary>
/// <param name="ReceivedThisMonth">Received (paid + partially paid - refunded) from the first of <see cref="MoneyPeriod.AsOf"/>'s month to its end.</param>
public sealed record CurrencyFigures(
    string Currency, OutstandingByAge Outstanding, PaymentsByStatus Payments, IReadOnlyList<MonthRevenue> Revenue, long ReceivedThisMonth, PlanFigures Plans);

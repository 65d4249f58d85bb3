using OrleansPortal.Grains.Companies;
using OrleansPortal.Grains.Dispatch;

namespace OrleansPortal.Web.Admin;

/// <summary>
/// The signed-in dispatcher's company. <see cref="TimeZone"/> is the company's IANA time zone (dispatch settings), in
/// which pages print the UTC instants the API gives (alerts, windows, shifts) and decide whether one is today.
/// </summary>
/// <param name="Phone">The number customers call, as messages show it; null until set.</param>
/// <param name="PaymentRetryDays">Days after a failed payment on which it is retried (the default 3, 5, 7 until the office sets its own).</param>
/// <param name="Currency">The ISO 4217 code new documents and plans take when they name none (EUR until the office sets one).</param>
public sealed record CompanyDto(string TenantId, string Name, DateTimeOffset CreatedAt, int Technicians, int Dispatchers, string TimeZone, string? Phone,
    IReadOnlyList<int> PaymentRetryDays, string Currency);

public static class CompanyDtoMapping
{
    public static CompanyDto AsDto(this CompanyInfo company, DispatchSettings settings) =>
        new(company.TenantId, company.Name, company.CreatedAt, company.Technicians, company.Dispatchers, settings.TimeZone, company.Phone, company.RetryDays,
            company.Currency);
}

using Orleans;

namespace OrleansPortal.Grains.Companies;

/// <summary>
/// A company (tenant). Its key is the tenant id, which prefixes every other grain key of the tenant. Its technicians
/// are not in its state: they are on the roster (<see cref="Roster.ITechnicianRoster"/>), a table any number of
/// technicians can join at once.
/// </summary>
[Alias("op.ICompanyGrain")]
public interface ICompanyGrain : IGrainWithStringKey
{
    /// <summary>Creates the company; throws <see cref="ConflictException"/> if it already exists.</summary>
    Task CreateAsync(string name);

    /// <summary>The company with its counts of technicians (on the roster) and dispatchers, or null when it was never created.</summary>
    Task<CompanyInfo?> GetAsync();

    Task AddDispatcherAsync(string email);

    /// <summary>The team's sign-in addresses (the dispatchers), in the order they joined; empty for a company never created.</summary>
    Task<IReadOnlyList<string>> GetDispatchersAsync();

    /// <summary>
    /// Sets (or with null clears) the number customers call, as messages show it ("Questions? Call …"); the caller has
    /// checked and formatted it. Throws <see cref="NotFoundException"/> for a company never created.
    /// </summary>
    Task<CompanyInfo> SetPhoneAsync(string? phone);

    /// <summary>
    /// Sets the days after a failed payment on which it is retried (<see cref="Payments.Dunning.RetrySchedule"/>);
    /// <see cref="ArgumentException"/> for a schedule that is not one, <see cref="NotFoundException"/> for a company never created.
    /// </summary>
    Task<CompanyInfo> SetPaymentRetryDaysAsync(IReadOnlyList<int> days);

    /// <summary>
    /// Sets the ISO 4217 currency (any letter case, stored upper case) that new estimates, invoices and plans take when
    /// they name none; documents and plans made before keep their own. <see cref="ArgumentException"/> for a code that is
    /// not an active ISO 4217 one, <see cref="NotFoundException"/> for a company never created.
    /// </summary>
    Task<CompanyInfo> SetCurrencyAsync(string currency);
}

/// <param name="Phone">The number customers call, formatted for reading ("+351 220 000 000"); null until the office sets one.</param>
/// <param name="PaymentRetryDays">Days after a failed payment on which it is retried; null reads as the default (3, 5, 7).</param>
/// <param name="Currency">The ISO 4217 code new documents and plans default to (EUR until the office sets one).</param>
[GenerateSerializer, Immutable, Alias("op.CompanyInfo")]
public sealed record CompanyInfo(string TenantId, string Name, DateTimeOffset CreatedAt, int Technicians, int Dispatchers, string? Phone = null,
    IReadOnlyList<int>? PaymentRetryDays = null, string Currency = Payments.Currencies.Default)
{
    public IReadOnlyList<int> RetryDays => PaymentRetryDays ?? Payments.Dunning.RetrySchedule.Default;
}

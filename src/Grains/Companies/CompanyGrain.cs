using Orleans;
using Orleans.Runtime;
using OrleansPortal.Grains.Companies.Roster;
using OrleansPortal.Grains.Payments;

namespace OrleansPortal.Grains.Companies;

[GenerateSerializer, Alias("op.CompanyState")]
public sealed class CompanyState
{
    [Id(0)]
    public string? Name { get; set; }

    [Id(1)]
    public DateTimeOffset CreatedAt { get; set; }

    // Id 2 was the list of every technician id; the roster table holds them now (ITechnicianRoster). Never reuse it.

    [Id(3)]
    public List<string> DispatcherEmails { get; set; } = [];

    [Id(4)]
    public string? Phone { get; set; }

    /// <summary>Null until the office sets a schedule of its own.</summary>
    [Id(5)]
    public List<int>? PaymentRetryDays { get; set; }

    /// <summary>The ISO 4217 code new documents and plans default to. State stored before this member reads as the default (EUR).</summary>
    [Id(6)]
    public string Currency { get; set; } = Currencies.Default;
}

/// <summary>The company's own record: name, creation, the phone customers call, its currency, dispatchers. Its technicians are on the roster, which this grain only counts.</summary>
public sealed class CompanyGrain(
    [PersistentState("company")] IPersistentState<CompanyState> state,
    ITechnicianRoster roster,
    DomainClock clock) : Grain, ICompanyGrain
{
    public async Task CreateAsync(string name)
    {
        if (state.RecordExists) throw new ConflictException($"Company {this.GetPrimaryKeyString()} already exists.");
        state.State.Name = name;
        state.State.CreatedAt = clock.GetUtcNow();
        await state.WriteStateAsync();
    }

    public async Task<CompanyInfo?> GetAsync()
    {
        if (!state.RecordExists) return null;
        var technicians = await roster.CountAsync(this.GetPrimaryKeyString());
        return new CompanyInfo(this.GetPrimaryKeyString(), state.State.Name!, state.State.CreatedAt, technicians, state.State.DispatcherEmails.Count, state.State.Phone,
            state.State.PaymentRetryDays is { } days ? [.. days] : null, state.State.Currency);
    }

    public async Task<CompanyInfo> SetPhoneAsync(string? phone)
    {
        EnsureExists();
        if (state.State.Phone != phone)
        {
            state.State.Phone = phone;
            await state.WriteStateAsync();
        }

        return (await GetAsync())!;
    }

    public async Task<CompanyInfo> SetPaymentRetryDaysAsync(IReadOnlyList<int> days)
    {
        if (Payments.Dunning.RetrySchedule.Problem(days) is { } problem) throw new ArgumentException(problem, nameof(days));
        EnsureExists();
        if (state.State.PaymentRetryDays is null || !state.State.PaymentRetryDays.SequenceEqual(days))
        {
            state.State.PaymentRetryDays = [.. days];
            await state.WriteStateAsync();
        }

        return (await GetAsync())!;
    }

    public async Task<CompanyInfo> SetCurrencyAsync(string currency)
    {
        if (!Currencies.IsKnown(currency)) throw new ArgumentException(Currencies.UnknownMessage, nameof(currency));
        EnsureExists();
        var code = currency.ToUpperInvariant();
        if (state.State.Currency != code)
        {
            state.State.Currency = code;
            await state.WriteStateAsync();
        }

        return (await GetAsync())!;
    }

    public async Task AddDispatcherAsync(string email)
    {
        EnsureExists();
        if (state.State.DispatcherEmails.Contains(email)) return;
        state.State.DispatcherEmails.Add(email);
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> GetDispatchersAsync() => Task.FromResult<IReadOnlyList<string>>([.. state.State.DispatcherEmails]);

    private void EnsureExists()
    {
        if (!state.RecordExists) throw new NotFoundException($"Company {this.GetPrimaryKeyString()} does not exist.");
    }
}

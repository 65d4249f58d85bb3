using Orleans;
using Orleans.Runtime;

namespace OrleansPortal.Grains.Companies;

[GenerateSerializer, Alias("op.CompanyState")]
public sealed class CompanyState
{
    [Id(0)]
    public string? Name { get; set; }

    [Id(1)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(2)]
    public List<string> TechnicianIds { get; set; } = [];

    [Id(3)]
    public List<string> DispatcherEmails { get; set; } = [];
}

public sealed class CompanyGrain([PersistentState("company")] IPersistentState<CompanyState> state, DomainClock clock) : Grain, ICompanyGrain
{
    public async Task CreateAsync(string name)
    {
        if (state.RecordExists) throw new ConflictException($"Company {this.GetPrimaryKeyString()} already exists.");
        state.State.Name = name;
        state.State.CreatedAt = clock.GetUtcNow();
        await state.WriteStateAsync();
    }

    public Task<CompanyInfo?> GetAsync() => Task.FromResult(state.RecordExists
        ? new CompanyInfo(this.GetPrimaryKeyString(), state.State.Name!, state.State.CreatedAt, state.State.TechnicianIds.Count, state.State.DispatcherEmails.Count)
        : null);

    public async Task AddTechnicianAsync(string technicianId)
    {
        EnsureExists();
        if (state.State.TechnicianIds.Contains(technicianId)) return;
        state.State.TechnicianIds.Add(technicianId);
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> GetTechnicianIdsAsync() => Task.FromResult<IReadOnlyList<string>>([.. state.State.TechnicianIds]);

    public async Task AddDispatcherAsync(string email)
    {
        EnsureExists();
        if (state.State.DispatcherEmails.Contains(email)) return;
        state.State.DispatcherEmails.Add(email);
        await state.WriteStateAsync();
    }

    private void EnsureExists()
    {
        if (!state.RecordExists) throw new NotFoundException($"Company {this.GetPrimaryKeyString()} does not exist.");
    }
}

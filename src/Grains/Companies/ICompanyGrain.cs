using Orleans;

namespace OrleansPortal.Grains.Companies;

/// <summary>A company (tenant). Its key is the tenant id, which prefixes every other grain key of the tenant.</summary>
[Alias("op.ICompanyGrain")]
public interface ICompanyGrain : IGrainWithStringKey
{
    /// <summary>Creates the company; throws <see cref="ConflictException"/> if it already exists.</summary>
    Task CreateAsync(string name);

    /// <summary>The company, or null when it was never created.</summary>
    Task<CompanyInfo?> GetAsync();

    /// <summary>Records a technician as belonging to the company (idempotent).</summary>
    Task AddTechnicianAsync(string technicianId);

    Task<IReadOnlyList<string>> GetTechnicianIdsAsync();

    Task AddDispatcherAsync(string email);
}

[GenerateSerializer, Immutable, Alias("op.CompanyInfo")]
public sealed record CompanyInfo(string TenantId, string Name, DateTimeOffset CreatedAt, int Technicians, int Dispatchers);

namespace OrleansPortal.Silo.Tests.Grains;

/// <summary>Activated on the silo of its first caller, and says which silo that is.</summary>
public interface ISiloIdentityGrain : IGrainWithGuidKey
{
    /// <summary>The identity of the silo this activation lives on.</summary>
    Task<string> WhereAsync();
}

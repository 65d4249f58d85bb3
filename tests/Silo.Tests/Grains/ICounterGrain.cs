namespace OrleansPortal.Silo.Tests.Grains;

/// <summary>A grain whose whole job is to keep a number in the default grain storage.</summary>
public interface ICounterGrain : IGrainWithGuidKey
{
    /// <summary>The stored value (0 when nothing was stored).</summary>
    Task<int> GetAsync();

    /// <summary>Stores the value before returning.</summary>
    Task SetAsync(int value);

    /// <summary>Deactivates after this call, so the next call reads the state from storage again.</summary>
    Task DeactivateAsync();
}

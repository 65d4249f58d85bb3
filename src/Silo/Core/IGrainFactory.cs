namespace Orleans;

/// <summary>
/// Hands out grain references. A reference is returned at once and costs nothing; the grain is activated on
/// the first call made through it (virtual actors), so a reference is valid whether or not the grain is active.
/// </summary>
public interface IGrainFactory
{
    TGrainInterface GetGrain<TGrainInterface>(string primaryKey) where TGrainInterface : IGrainWithStringKey;

    TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey) where TGrainInterface : IGrainWithGuidKey;

    TGrainInterface GetGrain<TGrainInterface>(long primaryKey) where TGrainInterface : IGrainWithIntegerKey;
}

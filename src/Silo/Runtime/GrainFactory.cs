namespace Orleans.Runtime;

/// <summary>The silo's <see cref="IGrainFactory"/> and co-hosted <see cref="IClusterClient"/>.</summary>
internal sealed class GrainFactory(SiloRuntime runtime) : IClusterClient
{
    public IServiceProvider ServiceProvider => runtime.Services;

    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey) where TGrainInterface : IGrainWithStringKey =>
        Get<TGrainInterface>(type => GrainId.Create(type, primaryKey));

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey) where TGrainInterface : IGrainWithGuidKey =>
        Get<TGrainInterface>(type => GrainId.Create(type, primaryKey));

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey) where TGrainInterface : IGrainWithIntegerKey =>
        Get<TGrainInterface>(type => GrainId.Create(type, primaryKey));

    private T Get<T>(Func<string, GrainId> id)
    {
        var (classInfo, interfaceInfo) = runtime.Registry.Resolve(typeof(T));
        return GrainReference.Create<T>(runtime, id(classInfo.TypeName), classInfo, interfaceInfo);
    }
}

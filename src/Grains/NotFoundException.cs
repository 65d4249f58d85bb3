using Orleans;

namespace OrleansPortal.Grains;

/// <summary>The thing addressed does not exist (or is not visible to the caller). The web edge answers 404.</summary>
[GenerateSerializer, Alias("op.NotFoundException")]
public sealed class NotFoundException(string message) : Exception(message);

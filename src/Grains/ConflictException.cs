using Orleans;

namespace OrleansPortal.Grains;

/// <summary>The request conflicts with what exists (a duplicate email, a company created twice). The web edge answers 409.</summary>
[GenerateSerializer, Alias("op.ConflictException")]
public sealed class ConflictException(string message) : Exception(message);

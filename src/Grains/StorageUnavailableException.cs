using Orleans;

namespace OrleansPortal.Grains;

/// <summary>
/// The database did not take a write in time (it is down, unreachable or overloaded) and nothing of it was applied:
/// the caller may retry it. The web edge answers 503 with Retry-After. The message names no server, since it crosses
/// to the web node and may be shown.
/// </summary>
[GenerateSerializer, Alias("op.StorageUnavailableException")]
public sealed class StorageUnavailableException(string message) : Exception(message);

using Orleans;

namespace OrleansPortal.Grains.Tickets;

/// <summary>A status change the ticket's lifecycle does not allow, or that lacks what it needs (a reason, a technician). The web edge answers 409.</summary>
[GenerateSerializer, Alias("op.InvalidTransitionException")]
public sealed class InvalidTransitionException(string message) : Exception(message);

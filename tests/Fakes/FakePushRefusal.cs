using System.Net;

namespace OrleansPortal.Fakes;

/// <summary>A request the fake push service refused, and why: so a test can tell which check failed.</summary>
public sealed record FakePushRefusal(string SubscriptionId, HttpStatusCode Status, string Reason);

namespace OrleansPortal.Fakes;

/// <summary>An event the fake Stripe sent (or holds): its id, type, the id of the object it carries, and its JSON as posted.</summary>
public sealed record FakeStripeEvent(string Id, string Type, string ObjectId, string Json);

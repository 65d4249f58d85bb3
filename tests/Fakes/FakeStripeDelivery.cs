using System.Net;

namespace OrleansPortal.Fakes;

/// <summary>What the app answered when the fake Stripe posted an event (status 0: nothing answered).</summary>
public sealed record FakeStripeDelivery(string EventId, string Type, HttpStatusCode Status, string Body, bool WronglySigned);

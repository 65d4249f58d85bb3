using System.Net;

namespace OrleansPortal.Fakes;

/// <summary>What the app answered to a webhook the fake Twilio posted.</summary>
public sealed record FakeWebhookReply(Uri Url, HttpStatusCode Status, string Body);

namespace OrleansPortal.Fakes;

/// <summary>A message the fake Twilio accepted, as it stands now (<see cref="Status"/> moves as the fake "delivers" it).</summary>
public sealed record FakeSmsMessage(
    long Sequence,
    string Sid,
    string AccountSid,
    string To,
    string? From,
    string? MessagingServiceSid,
    string Body,
    Uri? StatusCallback,
    DateTimeOffset DateCreated)
{
    public string Status { get; init; } = "queued";

    public DateTimeOffset? DateSent { get; init; }

    /// <summary>Twilio's delivery error (30003, 30005...) once undelivered or failed.</summary>
    public int? ErrorCode { get; init; }
}

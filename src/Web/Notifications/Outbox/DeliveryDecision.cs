namespace OrleansPortal.Web.Notifications.Outbox;

/// <summary>What the rules say about a message at the moment it would be sent.</summary>
public abstract record DeliveryDecision
{
    public static DeliveryDecision Send { get; } = new SendNow();

    private DeliveryDecision()
    {
    }

    public sealed record SendNow : DeliveryDecision;

    /// <summary>Not now: quiet hours; it goes when they end.</summary>
    public sealed record Hold(DateTimeOffset Until, string Why) : DeliveryDecision;

    /// <summary>Never: a preference, an opt-out, a cap, a removed contact.</summary>
    public sealed record Suppress(string Why) : DeliveryDecision;
}

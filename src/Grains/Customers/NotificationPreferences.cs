using Orleans;

namespace OrleansPortal.Grains.Customers;

/// <summary>What a contact wants to hear about, per channel, when not to be disturbed, and in which language.</summary>
/// <param name="Language">"en" or "pt"; null: the company's default (preferences stored before it existed have none).</param>
[GenerateSerializer, Immutable, Alias("op.NotificationPreferences")]
public sealed record NotificationPreferences(ChannelPreferences Email, ChannelPreferences Sms, QuietHours? QuietHours, string? Language = null)
{
    /// <summary>Service messages on, marketing off until the contact opts in.</summary>
    public static NotificationPreferences Default { get; } = new(new(true, true, false), new(true, true, false), null);
}

[GenerateSerializer, Immutable, Alias("op.ChannelPreferences")]
public sealed record ChannelPreferences(bool Appointments, bool OnMyWay, bool Marketing);

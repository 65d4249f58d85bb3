using Orleans;

namespace OrleansPortal.Grains.Customers;

/// <summary>What a contact wants to hear about, per channel, and when not to be disturbed.</summary>
[GenerateSerializer, Immutable, Alias("op.NotificationPreferences")]
public sealed record NotificationPreferences(ChannelPreferences Email, ChannelPreferences Sms, QuietHours? QuietHours)
{
    /// <summary>Service messages on, marketing off until the contact opts in.</summary>
    public static NotificationPreferences Default { get; } = new(new(true, true, false), new(true, true, false), null);
}

[GenerateSerializer, Immutable, Alias("op.ChannelPreferences")]
public sealed record ChannelPreferences(bool Appointments, bool OnMyWay, bool Marketing);

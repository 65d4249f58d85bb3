using Orleans;

namespace OrleansPortal.Grains.Notifications;

/// <summary>How a message reaches its reader. Stored by name, so members may be added but never renamed.</summary>
[GenerateSerializer, Alias("op.NotificationChannel")]
public enum NotificationChannel
{
    Email,
    Sms,

    /// <summary>The portal's notification centre (the bell), live over SignalR.</summary>
    InApp,

    /// <summary>Web Push (VAPID) to a technician's phone.</summary>
    Push,
}

using OrleansPortal.Grains.Notifications;

namespace OrleansPortal.Web.Notifications.Unsubscribe;

/// <summary>
/// What an unsubscribe link stands for: one company's marketing to one address of one contact, on one channel. The
/// address is kept as it was when the message went, so an opt-out still covers it after the contact changed theirs.
/// </summary>
public sealed record UnsubscribeGrant(string TenantId, string CustomerId, string ContactId, NotificationChannel Channel, string Address);

namespace OrleansPortal.Grains.Notifications.OptOuts;

/// <summary>
/// One opt-out (<paramref name="OptedOut"/> true) or opt-in that ends one, of <paramref name="Address"/> (a phone in
/// E.164, an email address) for one <paramref name="Sender"/> on one <paramref name="Channel"/>: when it happened and how
/// it was asked for (<see cref="OptOutSources"/>).
/// </summary>
public sealed record OptOutChange(NotificationChannel Channel, string Address, string Sender, bool OptedOut, DateTimeOffset At, string Source);

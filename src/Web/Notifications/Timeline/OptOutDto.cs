using OrleansPortal.Grains.Notifications.OptOuts;

namespace OrleansPortal.Web.Notifications.Timeline;

/// <summary>
/// One opt-out or opt-in of a contact's address, as the team sees it: <see cref="Scope"/> "marketing" (an unsubscribe
/// link or the portal's switch: the company's marketing only) or "all" (a STOP texted to our number: every SMS) or "email" (the address bounced as unknown: every email; an opt-in
/// there is the team's word that it works again), and how
/// it was asked for (<see cref="OptOutSources"/>: link, portal, sms-stop, sms-start).
/// </summary>
public sealed record OptOutDto(string ContactId, string Channel, string Address, bool OptedOut, string Scope, string Source, DateTimeOffset At);

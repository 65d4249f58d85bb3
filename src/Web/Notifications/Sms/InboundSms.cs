namespace OrleansPortal.Web.Notifications.Sms;

/// <summary>A text a customer sent to one of our numbers, other than STOP, START and HELP, which the webhook answers itself.</summary>
/// <param name="From">The customer's number, E.164.</param>
/// <param name="To">Our number it was sent to, E.164.</param>
public sealed record InboundSms(string MessageSid, string From, string To, string Body, DateTimeOffset ReceivedAt);

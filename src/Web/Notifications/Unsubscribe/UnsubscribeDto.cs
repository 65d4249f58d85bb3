namespace OrleansPortal.Web.Notifications.Unsubscribe;

/// <summary>
/// What the unsubscribe page shows: the company whose marketing it is, the channel and address it goes to, whether it
/// still goes, and the language to show the page in (the contact's, else the company's default).
/// </summary>
public sealed record UnsubscribeDto(string CompanyName, string Channel, string Address, bool Subscribed, string Language);

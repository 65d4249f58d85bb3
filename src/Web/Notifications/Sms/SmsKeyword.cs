namespace OrleansPortal.Web.Notifications.Sms;

/// <summary>
/// The words carriers and Twilio treat as commands when they are the whole message (trimmed, any case): the industry's
/// opt-out, opt-in and help keywords.
/// </summary>
public enum SmsKeyword
{
    None,
    Stop,
    Start,
    Help,
}

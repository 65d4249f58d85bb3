namespace OrleansPortal.Web.Notifications.Sms;

/// <summary>Reads a text's <see cref="SmsKeyword"/>.</summary>
public static class SmsKeywords
{
    private static readonly Dictionary<string, SmsKeyword> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["STOP"] = SmsKeyword.Stop, ["STOPALL"] = SmsKeyword.Stop, ["UNSUBSCRIBE"] = SmsKeyword.Stop,
        ["CANCEL"] = SmsKeyword.Stop, ["END"] = SmsKeyword.Stop, ["QUIT"] = SmsKeyword.Stop,
        ["START"] = SmsKeyword.Start, ["YES"] = SmsKeyword.Start, ["UNSTOP"] = SmsKeyword.Start,
        ["HELP"] = SmsKeyword.Help, ["INFO"] = SmsKeyword.Help,
    };

    public static SmsKeyword Of(string? body) => body is not null && Words.TryGetValue(body.Trim(), out var keyword) ? keyword : SmsKeyword.None;
}

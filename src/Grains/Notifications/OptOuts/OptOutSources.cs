namespace OrleansPortal.Grains.Notifications.OptOuts;

/// <summary>How an opt-out or opt-in was asked for, as <see cref="OptOutChange.Source"/> records it. Stored: never renamed.</summary>
public static class OptOutSources
{
    /// <summary>The recipient texted STOP (or another stop word) to the sending number.</summary>
    public const string SmsStop = "sms-stop";

    /// <summary>The recipient texted START (or another start word) to the sending number.</summary>
    public const string SmsStart = "sms-start";
}

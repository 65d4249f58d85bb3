namespace OrleansPortal.Grains.Notifications.OptOuts;

/// <summary>
/// Email addresses a company's mail bounced from as unknown (RFC 3463 5.1.x), kept in <see cref="IOptOutStore"/> as an
/// opt-out of sender "bounces:{tenant}" with source <see cref="OptOutSources.Bounce"/>: no further email goes to the
/// address from that company until someone records it deliverable again. Per company, because the report that put it
/// there was about one company's message; another company's mail to the address has its own chance.
/// </summary>
public static class BouncedAddresses
{
    private const string Prefix = "bounces:";

    public static string Sender(string tenantId) => Prefix + tenantId;

    public static bool IsBounceSender(string sender) => sender.StartsWith(Prefix, StringComparison.Ordinal);
}

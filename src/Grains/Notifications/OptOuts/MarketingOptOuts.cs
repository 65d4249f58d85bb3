namespace OrleansPortal.Grains.Notifications.OptOuts;

/// <summary>
/// Opt-outs of one company's marketing, kept in <see cref="IOptOutStore"/> beside the SMS STOPs. Their sender is the
/// company ("marketing:{tenant}") rather than a number or a mail server: unsubscribing from one company's newsletter says
/// nothing about another company's, nor about the service messages (sign-in links, on-my-way) that share the address.
/// </summary>
public static class MarketingOptOuts
{
    private const string Prefix = "marketing:";

    public static string Sender(string tenantId) => Prefix + tenantId;

    public static bool IsMarketingSender(string sender) => sender.StartsWith(Prefix, StringComparison.Ordinal);
}

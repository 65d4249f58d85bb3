namespace OrleansPortal.Web.Support.Email;

/// <summary>
/// Email to support cases ("Support" section). With <see cref="InboundAddress"/> set ("support@cases.example.com"),
/// each company receives mail at "support+{tenant}@cases.example.com" through the app's SMTP receiver
/// (<see cref="Web.Email.Inbound.InboundMailOptions"/>): a company forwards its own support address there. Case
/// messages then carry that address as their Reply-To, so a customer's answer threads onto the case.
/// </summary>
public sealed class SupportEmailOptions
{
    public const string SectionName = "Support";

    public string? InboundAddress { get; set; }
}

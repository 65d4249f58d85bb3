using System.Text.RegularExpressions;
using MimeKit;

namespace OrleansPortal.Web.Support.Email;

/// <summary>
/// Each company's support address, "{local}+{tenant}@{domain}" from <see cref="SupportEmailOptions.InboundAddress"/>
/// "{local}@{domain}": the tenant is named by the address the mail was sent to, never by anything the sender wrote.
/// </summary>
public sealed partial class SupportAddresses
{
    private readonly string _local;
    private readonly string _domain;

    private SupportAddresses(string local, string domain) => (_local, _domain) = (local, domain);

    /// <summary>Null when no inbound address is configured (no email to cases); throws for one that is not an address.</summary>
    public static SupportAddresses? From(SupportEmailOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.InboundAddress)) return null;
        if (!MailboxAddress.TryParse(options.InboundAddress.Trim(), out var parsed) || parsed.LocalPart.Length is 0 or > 40 || parsed.Domain.Length == 0 || parsed.LocalPart.Contains('+', StringComparison.Ordinal))
            throw new InvalidOperationException($"{SupportEmailOptions.SectionName}:{nameof(SupportEmailOptions.InboundAddress)} is not a plain email address (no '+', a local part of at most 40 characters).");
        return new SupportAddresses(parsed.LocalPart.ToLowerInvariant(), parsed.Domain.ToLowerInvariant());
    }

    /// <summary>The company's support address.</summary>
    public string For(string tenantId) => $"{_local}+{tenantId}@{_domain}";

    /// <summary>The tenant a support address names, or null for any other address.</summary>
    public string? TenantFor(string address)
    {
        var match = Address().Match(address);
        return match.Success && match.Groups["local"].Value.Equals(_local, StringComparison.OrdinalIgnoreCase)
               && match.Groups["domain"].Value.Equals(_domain, StringComparison.OrdinalIgnoreCase)
            ? match.Groups["tenant"].Value.ToLowerInvariant()
            : null;
    }

    [GeneratedRegex(@"^(?<local>[^@+]+)\+(?<tenant>[A-Za-z0-9-]{1,64})@(?<domain>[^@]+)$")]
    private static partial Regex Address();
}

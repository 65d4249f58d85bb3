using System.Text.RegularExpressions;
using MimeKit;

namespace OrleansPortal.Web.Tests.Infrastructure;

/// <summary>A message as the SMTP server stored it, read by MimeKit: headers, decoded text body, every part.</summary>
public sealed partial record ReceivedMail(MimeMessage Message)
{
    public string To => Message.To.ToString();

    public string Subject => Message.Subject ?? "";

    /// <summary>The decoded plain-text body.</summary>
    public string Body => Message.TextBody ?? "";

    /// <summary>The sign-in links in the body, in order.</summary>
    public IReadOnlyList<Uri> Links => [.. LinkPattern().Matches(Body).Select(m => new Uri(m.Value))];

    /// <summary>The token of the only (or the given) sign-in link.</summary>
    public string Token(int link = 0) => Links[link].Query["?token=".Length..];

    public static ReceivedMail Load(string path) => new(MimeMessage.Load(path));

    [GeneratedRegex(@"https?://\S+/portal/login\?token=[A-Za-z0-9_-]+")]
    private static partial Regex LinkPattern();
}

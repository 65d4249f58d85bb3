using System.Text.RegularExpressions;
using MimeKit;
using OrleansPortal.Grains.Notifications.Templates;
using OrleansPortal.Grains.Support.Cases;

namespace OrleansPortal.Web.Support.Email;

/// <summary>Reading a support mail: whether a machine sent it, which case it names, and what the person wrote in it.</summary>
public static partial class CaseMail
{
    /// <summary>
    /// Mail no person wrote, which must never open a case or get an answer (an auto-reply to our auto-reply would loop):
    /// RFC 3834's Auto-Submitted (anything but "no"), bulk and list mail, delivery and read reports, mail from the null
    /// sender or a mailer daemon, and Microsoft's and others' auto-reply markers.
    /// </summary>
    public static bool IsAutomatic(MimeMessage message, string? envelopeSender)
    {
        ArgumentNullException.ThrowIfNull(message);
        var headers = message.Headers;
        if (headers["Auto-Submitted"] is { } submitted && !submitted.Trim().Equals("no", StringComparison.OrdinalIgnoreCase)) return true;
        if (headers["Precedence"]?.Trim().ToLowerInvariant() is "bulk" or "junk" or "list" or "auto_reply") return true;
        if (headers["List-Id"] is not null || headers["List-Unsubscribe"] is not null) return true;
        if (headers["X-Autoreply"] is not null || headers["X-Autorespond"] is not null || headers["X-Auto-Response-Suppress"]?.Contains("All", StringComparison.OrdinalIgnoreCase) == true) return true;
        if (message.Body is MultipartReport) return true;
        if (string.IsNullOrEmpty(envelopeSender)) return true; // MAIL FROM:<>: bounces and other reports
        var from = message.From.Mailboxes.FirstOrDefault()?.Address ?? "";
        var local = from.Split('@')[0].ToLowerInvariant();
        return local is "mailer-daemon" or "postmaster" or "noreply" or "no-reply" or "do-not-reply";
    }

    /// <summary>The case number a subject names ("Re: [C-00042] Water in the valve box" → 42), or null.</summary>
    public static long? CaseNumberIn(string? subject) =>
        subject is not null && CaseTag().Match(subject) is { Success: true } match && long.TryParse(match.Groups["n"].Value, out var number) && number > 0 ? number : null;

    /// <summary>A subject for a new case: reply and forward prefixes and our tag taken off, at most the case's limit; "(no subject)" for none.</summary>
    public static string SubjectOf(string? subject)
    {
        var clean = Prefixes().Replace(CaseTag().Replace(subject ?? "", ""), "").Trim();
        if (clean.Length == 0) return "(no subject)";
        return clean.Length <= CaseRules.MaxSubjectLength ? clean : clean[..CaseRules.MaxSubjectLength];
    }

    /// <summary>
    /// What the sender wrote: the plain text (else the HTML's text), without the quoted mail it answers (from the first
    /// "On … wrote:" or "Em … escreveu:" line, an "Original Message" separator or "From:" header block, and "&gt;" lines),
    /// without a trailing signature ("-- "), at most the case's limit. Empty when nothing is left.
    /// </summary>
    public static string TextOf(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = message.TextBody ?? (message.HtmlBody is { } html ? HtmlText.From(html) : "");
        var kept = new List<string>();
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            if (QuoteIntro().IsMatch(line) || line.TrimEnd() == "--" || line.StartsWith("-- ", StringComparison.Ordinal)) break;
            if (line.TrimStart().StartsWith('>')) continue;
            kept.Add(line.TrimEnd());
        }

        var written = string.Join('\n', kept).Trim();
        return written.Length <= CaseRules.MaxTextLength ? written : written[..CaseRules.MaxTextLength];
    }

    [GeneratedRegex(@"\[C-(?<n>\d{1,12})\]", RegexOptions.IgnoreCase)]
    private static partial Regex CaseTag();

    [GeneratedRegex(@"^(\s*(re|fw|fwd|aw|res|enc|rv)\s*:\s*)+", RegexOptions.IgnoreCase)]
    private static partial Regex Prefixes();

    // "On Mon, 7 Dec 2026 at 10:00, Acme <x@y> wrote:", "Em seg., 7/12/2026 às 10:00, Acme escreveu:", Outlook's separators.
    [GeneratedRegex(@"^\s*((On\s.+wrote:)|(Em\s.+escreveu:)|(-{2,}\s*Original Message\s*-{2,})|(-{2,}\s*Mensagem original\s*-{2,})|(_{10,})|(From:\s.+)|(De:\s.+))\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex QuoteIntro();
}

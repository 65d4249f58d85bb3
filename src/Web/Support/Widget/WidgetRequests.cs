using System.ComponentModel.DataAnnotations;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Support.Cases;
using OrleansPortal.Grains.Support.Widget;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;

namespace OrleansPortal.Web.Support.Widget;

/// <summary>The origins allowed to embed the widget, each as https://host[:port] (http only for localhost and 127.0.0.1).</summary>
public sealed record WidgetOriginsRequest([property: MaxLength(WidgetOrigins.MaxOrigins)] IReadOnlyList<string?>? AllowedOrigins)
{
    /// <summary>The origins in their written form, or null with the problems in <paramref name="validation"/>.</summary>
    public IReadOnlyList<string>? Parse(RequestValidation validation)
    {
        var origins = new List<string>();
        foreach (var value in AllowedOrigins ?? [])
        {
            // What a person pastes ("https://Example.com/") is taken in its written form; what is no origin is refused.
            if (WidgetOrigins.Normalize(value) is { } origin) origins.Add(origin);
            else validation.Add("allowedOrigins", $"\"{Shorten(value)}\" is not an origin: write https://host or https://host:port (http only for localhost and 127.0.0.1), without a path.");
        }

        validation.Require(origins.Count <= WidgetOrigins.MaxOrigins, "allowedOrigins", $"At most {WidgetOrigins.MaxOrigins} origins.");
        return validation.IsValid ? [.. origins.Distinct(StringComparer.Ordinal)] : null;
    }

    private static string Shorten(string? value) => value is null ? "" : value.Length > 60 ? value[..60] + "…" : value;
}

/// <summary>
/// A widget session. <paramref name="Email"/> and <paramref name="Hash"/> come from the company's own page when its
/// visitor is signed in there: the hex HMAC-SHA256 of the email under the company's identity secret.
/// </summary>
public sealed record WidgetSessionRequest([property: MaxLength(InputLimits.Email)] string? Email, [property: MaxLength(64)] string? Hash);

/// <summary>The contact form: who writes (a verified visitor's own contact is used instead), and what about.</summary>
public sealed record WidgetContactRequest(
    [property: MaxLength(InputLimits.Name)] string? Name,
    [property: MaxLength(InputLimits.Email)] string? Email,
    [property: MaxLength(CaseRules.MaxSubjectLength)] string? Subject,
    [property: MaxLength(CaseRules.MaxTextLength)] string? Message)
{
    /// <summary>
    /// Checks what was sent, before anything else (a bad form is a 400 whoever sends it): lengths, plain text, a real
    /// email address when one is given, and the message.
    /// </summary>
    public bool IsWellFormed(RequestValidation validation)
    {
        validation.Text(Name, "name", InputLimits.Name, $"Your name, 1 to {InputLimits.Name} characters.", required: false);
        validation.Require(Email is null || EmailAddress.IsValid(Email), "email", "An email address we can answer to.");
        validation.Text(Subject, "subject", CaseRules.MaxSubjectLength, $"The subject has at most {CaseRules.MaxSubjectLength} characters.", required: false);
        validation.Text(Message, "message", CaseRules.MaxTextLength, $"The message, 1 to {CaseRules.MaxTextLength} characters.", multiline: true);
        return validation.IsValid;
    }

    /// <summary>An unverified visitor says who they are: the team answers them by email.</summary>
    public bool NamesTheWriter(RequestValidation validation)
    {
        validation.Require(!string.IsNullOrWhiteSpace(Name), "name", $"Your name, 1 to {InputLimits.Name} characters.");
        validation.Require(!string.IsNullOrWhiteSpace(Email), "email", "An email address we can answer to.");
        return validation.IsValid;
    }

    /// <summary>The subject given, else the message's first line, cut to fit.</summary>
    public string SubjectOrFirstLine()
    {
        if (!string.IsNullOrWhiteSpace(Subject)) return Subject.Trim();
        var line = (Message ?? "").Trim().Split('\n')[0].Trim();
        return line.Length <= 80 ? line : line[..79].TrimEnd() + "…";
    }
}

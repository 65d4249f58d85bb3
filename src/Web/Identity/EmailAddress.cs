using System.Net.Mail;
using OrleansPortal.Grains;

namespace OrleansPortal.Web.Identity;

/// <summary>Emails are compared trimmed and lower-case: that form is the key of a user's login grain.</summary>
public static class EmailAddress
{
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    public static bool IsValid(string? email) =>
        !string.IsNullOrWhiteSpace(email) && email.Length <= InputLimits.Email && Hosting.PlainText.IsClean(email)
        && MailAddress.TryCreate(email.Trim(), out var parsed) && parsed.Address == email.Trim();
}

using System.Net.Mail;

namespace OrleansPortal.Web.Identity;

/// <summary>Emails are compared trimmed and lower-case: that form is the key of a user's login grain.</summary>
public static class EmailAddress
{
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    public static bool IsValid(string? email) =>
        !string.IsNullOrWhiteSpace(email) && email.Length <= 254 && MailAddress.TryCreate(email.Trim(), out var parsed) && parsed.Address == email.Trim();
}

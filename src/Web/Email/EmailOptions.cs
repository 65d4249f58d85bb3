namespace OrleansPortal.Web.Email;

/// <summary>Outgoing mail ("Email" section). Without <see cref="SmtpHost"/> nothing is sent: see <see cref="EmailServices"/>.</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 25;

    /// <summary>STARTTLS (or TLS, as the server offers) before anything is sent.</summary>
    public bool EnableSsl { get; set; }

    public string? Username { get; set; }

    /// <summary>A secret: never logged.</summary>
    public string? Password { get; set; }

    public string From { get; set; } = "OrleansPortal <no-reply@localhost>";
}

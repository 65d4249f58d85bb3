namespace OrleansPortal.Web.Email;

public static class EmailServices
{
    /// <summary>SMTP when <c>Email:SmtpHost</c> is set, otherwise <see cref="UnsentEmailSender"/>.</summary>
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(EmailOptions.SectionName);
        services.Configure<EmailOptions>(section);
        if (string.IsNullOrWhiteSpace(section[nameof(EmailOptions.SmtpHost)])) services.AddSingleton<IEmailSender, UnsentEmailSender>();
        else services.AddSingleton<IEmailSender, SmtpEmailSender>();
        return services;
    }
}

namespace OrleansPortal.Web.Email;

public static class EmailServices
{
    /// <summary>
    /// SMTP when <c>Email:SmtpHost</c> is set, otherwise <see cref="UnsentEmailSender"/>; and the SMTP receiver for the
    /// <see cref="Inbound.IInboundMailbox"/>es others register, when <c>InboundMail:Port</c> is set.
    /// </summary>
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(EmailOptions.SectionName);
        services.Configure<EmailOptions>(section);
        if (string.IsNullOrWhiteSpace(section[nameof(EmailOptions.SmtpHost)])) services.AddSingleton<IEmailSender, UnsentEmailSender>();
        else services.AddSingleton<IEmailSender, SmtpEmailSender>();
        // Refused at start rather than at the first message: a bounce address that cannot carry a message's id.
        services.AddOptions<EmailOptions>().Validate(o => { Bounces.BounceAddresses.From(o); return true; }).ValidateOnStart();
        services.Configure<Inbound.InboundMailOptions>(configuration.GetSection(Inbound.InboundMailOptions.SectionName));
        services.AddHostedService<Inbound.InboundMailListener>();
        return services;
    }
}

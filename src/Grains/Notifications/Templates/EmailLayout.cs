namespace OrleansPortal.Grains.Notifications.Templates;

/// <summary>
/// The plain frame every email is sent in: the company's name at the top, the message, and a footer with the company's
/// name and phone. Inline styles and layout tables only, as mail clients ignore style sheets; the body is already
/// sanitized, and every value written here is encoded.
/// </summary>
internal static class EmailLayout
{
    public static string Wrap(string subject, string body, NotificationModel model)
    {
        string Value(string name) => LiquidEngine.Html.Encode(model.Values.GetValueOrDefault(name, ""));
        var company = Value("company.name");
        var phone = Value("company.phone");
        var footer = phone.Length == 0 ? company : $"{company} &middot; {phone}";
        if (model.Values.ContainsKey("links.unsubscribe"))
            footer += $"<br><a href=\"{Value("links.unsubscribe")}\" style=\"color:#616e7c;\">{(model.Language == TemplateLanguage.Portuguese ? "Cancelar subscrição" : "Unsubscribe")}</a>";

        return $"""
            <!DOCTYPE html>
            <html lang="{model.Language}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{LiquidEngine.Html.Encode(subject)}</title></head>
            <body style="margin:0;padding:0;background:#f4f5f7;">
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f5f7;"><tr><td align="center" style="padding:24px 12px;">
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border-radius:6px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f2933;">
            <tr><td style="padding:20px 28px;border-bottom:1px solid #e4e7eb;font-size:18px;font-weight:bold;">{company}</td></tr>
            <tr><td style="padding:24px 28px;">
            {body}
            </td></tr>
            <tr><td style="padding:16px 28px;border-top:1px solid #e4e7eb;font-size:13px;color:#616e7c;">{footer}</td></tr>
            </table>
            </td></tr></table>
            </body>
            </html>
            """;
    }
}

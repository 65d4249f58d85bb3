using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Notifications.Templates;

namespace OrleansPortal.Grains.Tests.Notifications.Templates;

public sealed class TemplateRendererTests
{
    private static NotificationModel Model() =>
        new NotificationModel("en", "Europe/Lisbon").Company("Smith & Sons <Plumbing>", "+351 220 000 000").Contact("Ana", "Ana Smith")
            .Technician("Rui").Eta(new DateTimeOffset(2026, 12, 8, 10, 25, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 8, 10, 13, 0, TimeSpan.Zero))
            .Link("links.tracking", new Uri("https://portal.example/t/abc"));

    [Fact]
    public void EmailValues_AreHtmlEncoded_AndTheTextPartKeepsLinksReadable()
    {
        var template = new NotificationTemplate(NotificationTrigger.OnMyWay, NotificationChannel.Email, "en", "{{ company.name }}: {{ technician.first_name }} is coming",
            "<p>Hello {{ contact.first_name }}, {{ technician.first_name }} arrives at {{ eta.time }}.</p><p><a href=\"{{ links.tracking }}\">Follow the visit</a></p>");

        var message = TemplateRenderer.Render(template, Model());

        Assert.Equal("Smith & Sons <Plumbing>: Rui is coming", message.Subject); // a header, not HTML
        Assert.Contains("Smith &amp; Sons &lt;Plumbing&gt;", message.Html);
        Assert.DoesNotContain("<Plumbing>", message.Html);
        Assert.Contains("Hello Ana, Rui arrives at 10:25.", message.Text);
        Assert.Contains("Follow the visit (https://portal.example/t/abc)", message.Text);
        Assert.Contains("Smith & Sons <Plumbing> · +351 220 000 000", message.Text); // the layout's footer
    }

    [Fact]
    public void EmailHtml_IsSanitized_NoScriptsHandlersOrStrangeLinks()
    {
        var template = new NotificationTemplate(NotificationTrigger.OnMyWay, NotificationChannel.Email, "en", "Hi",
            "<p onclick=\"steal()\">Hi</p><script>steal()</script><a href=\"javascript:steal()\">x</a><a href=\"/relative\">r</a>" +
            "<a href=\"mailto:office@acme.example\">Write to us</a><img src=\"https://acme.example/logo.png\" onerror=\"steal()\" alt=\"Acme\">");

        var message = TemplateRenderer.Render(template, Model());

        Assert.DoesNotContain("steal", message.Html);
        Assert.DoesNotContain("javascript", message.Html);
        Assert.DoesNotContain("/relative", message.Html);
        Assert.Contains("href=\"mailto:office@acme.example\"", message.Html);
        Assert.Contains("src=\"https://acme.example/logo.png\"", message.Html);
        Assert.Contains("Write to us (office@acme.example)", message.Text);
    }

    [Fact]
    public void Sms_IsPlainText_ValuesAsTheyAre()
    {
        var template = new NotificationTemplate(NotificationTrigger.Delayed, NotificationChannel.Sms, "en", null,
            "{{ company.name }}: {{ technician.first_name }} arrives in {{ eta.minutes }} min{% if delay.minutes %} ({{ delay.minutes }} min late){% endif %}.");

        var message = TemplateRenderer.Render(template, Model());

        Assert.Equal(new RenderedMessage(null, null, "Smith & Sons <Plumbing>: Rui arrives in 12 min."), message);
    }

    [Fact]
    public void AMessagesLineBreaks_SurviveInTheEmail_AndItsTextIsStillEncoded()
    {
        var template = new NotificationTemplate(NotificationTrigger.Message, NotificationChannel.Email, "en", "Note", "<p>{{ message.text | newline_to_br }}</p>");
        var model = new NotificationModel("en", "UTC").Company("Acme", null).Message("Line <one>\nLine two");

        var message = TemplateRenderer.Render(template, model);

        Assert.Contains("Line &lt;one&gt;<br>", message.Html);
        Assert.Contains("Line <one>\nLine two", message.Text);
    }

    [Fact]
    public void ARunawayLoop_IsRefused_NotRenderedForever()
    {
        var template = new NotificationTemplate(NotificationTrigger.Message, NotificationChannel.Sms, "en", null, "{% for i in (1..1000000) %}x{% endfor %}");

        var refused = Assert.Throws<TemplateRejectedException>(() => TemplateRenderer.Render(template, Model()));

        Assert.Equal("body", Assert.Single(refused.Errors).Field);
    }

    [Fact]
    public void AnInvalidTemplate_IsRefusedWithItsErrors()
    {
        var template = new NotificationTemplate(NotificationTrigger.Message, NotificationChannel.InApp, "en", "Hi", "{{ links.tracking }}");

        var refused = Assert.Throws<TemplateRejectedException>(() => TemplateRenderer.Render(template, Model()));

        Assert.Contains("links.tracking", Assert.Single(refused.Errors).Message);
    }
}

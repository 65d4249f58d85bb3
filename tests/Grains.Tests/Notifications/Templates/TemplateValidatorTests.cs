using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Notifications.Templates;

namespace OrleansPortal.Grains.Tests.Notifications.Templates;

public sealed class TemplateValidatorTests
{
    private static NotificationTemplate Email(string subject, string body, NotificationTrigger trigger = NotificationTrigger.OnMyWay) =>
        new(trigger, NotificationChannel.Email, "en", subject, body);

    [Fact]
    public void AGoodTemplate_HasNoErrors()
    {
        var template = Email("{{ technician.first_name | default: 'We' }} on the way",
            "{% if eta.minutes %}<p>In {{ eta.minutes }} min</p>{% else %}<p>Soon</p>{% endif %}{% assign who = contact.first_name | upcase %}{{ who }}");

        Assert.Empty(TemplateValidator.Validate(template));
    }

    [Fact]
    public void BrokenSyntax_NamesTheFieldLineAndColumn()
    {
        var errors = TemplateValidator.Validate(Email("Hi", "<p>Hello</p>\n{% if eta.minutes %}<p>soon</p>"));

        var error = Assert.Single(errors);
        Assert.Equal("body", error.Field);
        Assert.StartsWith("Line 2, column", error.Message);
        Assert.Contains("endif", error.Message);
    }

    [Fact]
    public void AnUnknownVariable_InABranchNoRenderWouldTake_IsNamed()
    {
        var errors = TemplateValidator.Validate(Email("Hi", "{% if false %}{% for i in (1..2) %}{{ customer.nam }}{% endfor %}{% else %}ok{% endif %}"));

        var error = Assert.Single(errors);
        Assert.Equal("body", error.Field);
        Assert.Contains("'customer.nam'", error.Message);
        Assert.Contains("line 1", error.Message);
        Assert.Contains("Did you mean 'customer.name'?", error.Message);
    }

    [Fact]
    public void AVariableTheTriggerDoesNotOffer_IsNamedWithTheTrigger()
    {
        var errors = TemplateValidator.Validate(Email("Done", "{{ links.tracking }}", NotificationTrigger.Completed));

        Assert.Equal("The variable 'links.tracking' (line 1, column 4) is not available in Completed messages.", Assert.Single(errors).Message);
    }

    [Fact]
    public void AnUnknownVariable_IsPlacedOnItsLine()
    {
        var errors = TemplateValidator.Validate(Email("Hi", "<p>Hello</p>\n<p>\n  {{ job.adress }}</p>"));

        Assert.StartsWith("Unknown variable 'job.adress' (line 3, column 6). Did you mean 'job.address'?", Assert.Single(errors).Message);
    }

    [Fact]
    public void EveryProblem_IsReported_WithItsField()
    {
        var errors = TemplateValidator.Validate(Email("{{ nobody.here }} {{ eta.time | date: '%H' }}", "{% include 'other' %}{{ window.range | md5 }}"));

        Assert.Equal(["subject", "subject", "body", "body"], errors.Select(e => e.Field));
        Assert.Contains(errors, e => e.Message.Contains("'nobody.here'"));
        Assert.Contains(errors, e => e.Message.StartsWith("Unknown filter 'date'"));
        Assert.Contains(errors, e => e.Message.Contains("{% include %}"));
        Assert.Contains(errors, e => e.Message.StartsWith("Unknown filter 'md5'"));
    }

    [Fact]
    public void AssigningOverAVariableGroup_IsRefused_SoItCannotHideAnUnknownVariable()
    {
        var errors = TemplateValidator.Validate(Email("Hi", "{% assign company = 'x' %}{{ company.secret }}"));

        Assert.Contains(errors, e => e.Message.Contains("'company' is the name of a group"));
    }

    [Fact]
    public void Sms_HasNoSubject_AndEmailNeedsOne()
    {
        var sms = TemplateValidator.Validate(new NotificationTemplate(NotificationTrigger.OnMyWay, NotificationChannel.Sms, "en", "Subject", "On the way"));
        var email = TemplateValidator.Validate(Email(" ", "Body"));

        Assert.Equal("subject", Assert.Single(sms).Field);
        Assert.Equal("The subject is required.", Assert.Single(email).Message);
    }

    [Fact]
    public void PushForACustomerTrigger_AndAnUnknownLanguage_AreRefused()
    {
        var errors = TemplateValidator.Validate(new NotificationTemplate(NotificationTrigger.Completed, NotificationChannel.Push, "fr", "Done", "Done"));

        Assert.Equal(2, errors.Count(e => e.Field == "template"));
    }
}

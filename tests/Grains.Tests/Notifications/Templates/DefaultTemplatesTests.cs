using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Notifications.Templates;

namespace OrleansPortal.Grains.Tests.Notifications.Templates;

public sealed class DefaultTemplatesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 15, 0, 0, TimeSpan.Zero);

    public static TheoryData<NotificationTrigger, NotificationChannel, string> Offered()
    {
        var data = new TheoryData<NotificationTrigger, NotificationChannel, string>();
        foreach (var (trigger, channel) in TemplateChannels.All)
            foreach (var language in TemplateLanguage.All) data.Add(trigger, channel, language);
        return data;
    }

    [Theory]
    [MemberData(nameof(Offered))]
    public void EveryTriggerChannelAndLanguage_HasAValidDefault_ThatRendersWithSampleData(NotificationTrigger trigger, NotificationChannel channel, string language)
    {
        var template = DefaultTemplates.Find(trigger, channel, language);

        Assert.NotNull(template);
        Assert.Empty(TemplateValidator.Validate(template));
        var message = TemplateRenderer.Render(template, SampleModels.For(trigger, language, "Europe/Lisbon", Now));
        Assert.False(string.IsNullOrWhiteSpace(message.Text));
        Assert.DoesNotContain("{", message.Text);
        Assert.DoesNotContain(" .", message.Text); // a value missing before a full stop
        Assert.Equal(channel == NotificationChannel.Email, message.Html is not null);
        Assert.Equal(channel != NotificationChannel.Sms, message.Subject is { Length: > 0 });
    }

    /// <summary>Companies need not have a phone number on file: no default may then say "call us on ." or end on "Call".</summary>
    [Theory]
    [MemberData(nameof(Offered))]
    public void EveryDefault_ReadsWell_WithoutTheCompanysPhone(NotificationTrigger trigger, NotificationChannel channel, string language)
    {
        var model = SampleModels.For(trigger, language, "Europe/Lisbon", Now).Set("company.phone", null);

        var text = TemplateRenderer.Render(DefaultTemplates.Find(trigger, channel, language)!, model).Text;

        Assert.DoesNotMatch(@"(?i)\b(call|ligue|para o)( us on)?\s*([.,)]|$)", text);
        Assert.DoesNotContain(" .", text);
    }

    [Fact]
    public void TheSampleData_SetsEveryVariableEachTriggerOffers()
    {
        foreach (var trigger in Enum.GetValues<NotificationTrigger>())
        {
            var model = SampleModels.For(trigger, "pt", "Europe/Lisbon", Now);
            Assert.All(TemplateVariables.For(trigger), v => Assert.True(model.Values.ContainsKey(v.Name), $"{trigger} preview lacks {v.Name}"));
        }
    }

    [Fact]
    public void EnglishSmsDefaults_AreGsm7_InAtMostTwoSegments_AndPortugueseOnesInTwoUcs2Segments()
    {
        foreach (var trigger in Enum.GetValues<NotificationTrigger>())
        {
            var english = Sms(trigger, "en");
            var portuguese = Sms(trigger, "pt");
            Assert.True(english is { Encoding: SmsEncoding.Gsm7, Segments: <= 2 }, $"{trigger} en: {english}");
            Assert.True(portuguese.Segments <= 2, $"{trigger} pt: {portuguese}");
        }
    }

    [Fact]
    public void APortugueseEmail_ReadsInPortuguese_FromTheSubjectToTheTextPart()
    {
        var message = TemplateRenderer.Render(DefaultTemplates.Find(NotificationTrigger.BookingConfirmed, NotificationChannel.Email, "pt")!,
            SampleModels.For(NotificationTrigger.BookingConfirmed, "pt", "Europe/Lisbon", Now));

        Assert.Equal("A sua visita está marcada: terça-feira, 8 de dezembro", message.Subject);
        Assert.Contains("terça-feira, 8 de dezembro, 10:00-12:00", message.Text);
        Assert.Contains("seu portal (https://portal.example/portal/)", message.Text);
    }

    [Fact]
    public void AnUnknownLanguage_GetsTheEnglishDefault()
    {
        Assert.Equal("en", DefaultTemplates.Find(NotificationTrigger.Reminder, NotificationChannel.Sms, "fr-FR")!.Language);
        Assert.Null(DefaultTemplates.Find(NotificationTrigger.Reminder, NotificationChannel.Push, "en"));
    }

    private static SmsMeasure Sms(NotificationTrigger trigger, string language) =>
        SmsLength.Measure(TemplateRenderer.Render(DefaultTemplates.Find(trigger, NotificationChannel.Sms, language)!, SampleModels.For(trigger, language, "Europe/Lisbon", Now)).Text);
}

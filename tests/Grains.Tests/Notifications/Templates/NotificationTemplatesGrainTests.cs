using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Notifications.Templates;
using OrleansPortal.Grains.Tests.Infrastructure;

namespace OrleansPortal.Grains.Tests.Notifications.Templates;

/// <summary>A company's templates and switches, through a real cluster (calls and exceptions cross the serializer).</summary>
public sealed class NotificationTemplatesGrainTests(GrainCluster cluster) : IClassFixture<GrainCluster>
{
    private readonly INotificationTemplatesGrain _company = cluster.Client.GetGrain<INotificationTemplatesGrain>("tenant-" + TenantKeys.NewId());

    private static NotificationTemplate OnMyWaySms(string body, string language = "pt") => new(NotificationTrigger.OnMyWay, NotificationChannel.Sms, language, null, body);

    [Fact]
    public async Task ANewCompany_HasEveryDefault_AndEverySwitchOn()
    {
        var settings = await _company.GetSettingsAsync();

        Assert.Equal(TemplateChannels.All.Count() * 2, settings.Templates.Count);
        Assert.All(settings.Templates, t => Assert.True(t.IsDefault && t.Enabled));
        Assert.Equal(TemplateChannels.All.Count(), settings.Switches.Count);
        Assert.All(settings.Switches, s => Assert.True(s.Enabled));
    }

    [Fact]
    public async Task ASavedTemplate_IsInForceForItsLanguageOnly_UntilReset()
    {
        var mine = OnMyWaySms("{{ technician.first_name }} a caminho: {{ links.tracking }}");

        await _company.SaveTemplateAsync(mine);
        var portuguese = await _company.ResolveAsync(NotificationTrigger.OnMyWay, NotificationChannel.Sms, "pt-PT");
        var english = await _company.ResolveAsync(NotificationTrigger.OnMyWay, NotificationChannel.Sms, "en");
        var reset = await _company.ResetTemplateAsync(NotificationTrigger.OnMyWay, NotificationChannel.Sms, "pt");

        Assert.Equal(new TemplateInForce(mine, IsDefault: false, Enabled: true), portuguese);
        Assert.True(english!.IsDefault);
        Assert.Equal(new TemplateInForce(DefaultTemplates.Find(NotificationTrigger.OnMyWay, NotificationChannel.Sms, "pt")!, true, true), reset);
        Assert.Equal(reset, await _company.ResolveAsync(NotificationTrigger.OnMyWay, NotificationChannel.Sms, "pt"));
    }

    [Fact]
    public async Task ARefusedSave_CarriesEveryError_AndChangesNothing()
    {
        var good = OnMyWaySms("{{ company.name }}: {{ links.tracking }}");
        await _company.SaveTemplateAsync(good);

        var refused = await Assert.ThrowsAsync<TemplateRejectedException>(() => _company.SaveTemplateAsync(OnMyWaySms("{{ links.report }} {% if x %}")));

        Assert.Single(refused.Errors, e => e is { Field: "body" } && e.Message.Contains("endif"));
        Assert.Equal(good, (await _company.ResolveAsync(NotificationTrigger.OnMyWay, NotificationChannel.Sms, "pt"))!.Template);
    }

    [Fact]
    public async Task ASwitchedOffChannel_IsResolvedAsOff_AndOnlyThatOne()
    {
        await _company.SetEnabledAsync(NotificationTrigger.ReviewRequest, NotificationChannel.Sms, false);

        Assert.False((await _company.ResolveAsync(NotificationTrigger.ReviewRequest, NotificationChannel.Sms, "en"))!.Enabled);
        Assert.True((await _company.ResolveAsync(NotificationTrigger.ReviewRequest, NotificationChannel.Email, "en"))!.Enabled);
        Assert.Single((await _company.GetSettingsAsync()).Switches, s => !s.Enabled);

        await _company.SetEnabledAsync(NotificationTrigger.ReviewRequest, NotificationChannel.Sms, true);
        Assert.True((await _company.ResolveAsync(NotificationTrigger.ReviewRequest, NotificationChannel.Sms, "en"))!.Enabled);
    }

    [Fact]
    public async Task AnUnknownLanguage_ReadsEnglish_AndAChannelWithoutTemplatesResolvesToNothing()
    {
        var french = await _company.ResolveAsync(NotificationTrigger.Completed, NotificationChannel.Email, "fr");

        Assert.Equal("en", french!.Template.Language);
        Assert.Null(await _company.ResolveAsync(NotificationTrigger.Completed, NotificationChannel.Push, "en"));
        await Assert.ThrowsAsync<NotFoundException>(() => _company.SetEnabledAsync(NotificationTrigger.Completed, NotificationChannel.Push, false));
        await Assert.ThrowsAsync<NotFoundException>(() => _company.ResetTemplateAsync(NotificationTrigger.Completed, NotificationChannel.Email, "fr"));
    }

    [Fact]
    public async Task OneCompanysTemplates_AreNotAnothers()
    {
        var other = cluster.Client.GetGrain<INotificationTemplatesGrain>("tenant-" + TenantKeys.NewId());
        await _company.SaveTemplateAsync(OnMyWaySms("{{ company.name }} {{ links.tracking }}", "en"));
        await _company.SetEnabledAsync(NotificationTrigger.OnMyWay, NotificationChannel.Email, false);

        var theirs = await other.GetSettingsAsync();

        Assert.All(theirs.Templates, t => Assert.True(t.IsDefault));
        Assert.All(theirs.Switches, s => Assert.True(s.Enabled));
    }
}

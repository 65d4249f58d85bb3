using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Companies;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Notifications.Templates;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;

namespace OrleansPortal.Web.Notifications.Templates;

/// <summary>
/// The company's communication settings for its dispatchers: templates per trigger, channel and language (save,
/// back to the default, preview with sample data), the switch per trigger and channel, and the variable catalogue.
/// Tenant from the cookie only. Names in paths are the API's (EnumName); a trigger, channel or language that names no
/// template is 404, a template that does not validate is 400 naming each problem under "subject" or "body".
/// </summary>
public static class NotificationTemplatesApi
{
    public static RouteGroupBuilder MapNotificationTemplatesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/dispatch/notifications").WithTags("Notifications").RequireAuthorization(PortalClaims.DispatcherPolicy);
        group.MapGet("/templates", async (ClaimsPrincipal user, IClusterClient grains) => TypedResults.Ok((await Templates(grains, user).GetSettingsAsync()).AsDto()))
            .WithSummary("Every trigger x channel x language with its template in force (the company's own or the default), and every trigger's switch per channel.");
        group.MapPut("/templates/{trigger}/{channel}/{language}", SaveAsync)
            .WithSummary("Saves the company's own template; 400 naming each syntax error, unknown or unavailable variable and unknown filter (keys \"subject\", \"body\").");
        group.MapDelete("/templates/{trigger}/{channel}/{language}", ResetAsync).WithSummary("Goes back to the default template.");
        group.MapPut("/triggers/{trigger}/{channel}", SwitchAsync).WithSummary("Switches a trigger's messages on a channel on or off: { \"enabled\": false }.");
        group.MapPost("/preview", PreviewAsync)
            .WithSummary("Renders a template (not saved) with the trigger's sample data in the company's time zone: subject, HTML, text, and for SMS its encoding, characters and segments.");
        group.MapGet("/variables", () => TypedResults.Ok(new TemplateCatalogueDto(
                [.. TemplateVariables.All.Select(v => v.AsDto())],
                [.. TemplateFilters.Allowed.Select(f => new TemplateFilterDto(f.Key, f.Value))])))
            .WithSummary("The variables templates may use, with their meaning, an example and the triggers that offer each; and the filters allowed.");
        return group;
    }

    private static async Task<Results<Ok<NotificationTemplateDto>, NotFound, ValidationProblem>> SaveAsync(
        string trigger, string channel, string language, SaveTemplateRequest request, ClaimsPrincipal user, IClusterClient grains)
    {
        if (!TryParse(trigger, channel, language, out var key)) return TypedResults.NotFound();
        var template = new NotificationTemplate(key.Trigger, key.Channel, language, request.Subject, request.Body ?? "");
        // Checked here too, so a refusal needs no round trip; the grain checks again and is the one that decides.
        if (Problems(template) is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        try
        {
            return TypedResults.Ok((await Templates(grains, user).SaveTemplateAsync(template)).AsDto());
        }
        catch (TemplateRejectedException rejected)
        {
            return TypedResults.ValidationProblem(rejected.Errors.AsProblemErrors());
        }
    }

    private static async Task<Results<Ok<NotificationTemplateDto>, NotFound>> ResetAsync(
        string trigger, string channel, string language, ClaimsPrincipal user, IClusterClient grains)
    {
        if (!TryParse(trigger, channel, language, out var key)) return TypedResults.NotFound();
        return TypedResults.Ok((await Templates(grains, user).ResetTemplateAsync(key.Trigger, key.Channel, language)).AsDto());
    }

    private static async Task<Results<Ok<TriggerSwitchDto>, NotFound, ValidationProblem>> SwitchAsync(
        string trigger, string channel, SwitchRequest request, ClaimsPrincipal user, IClusterClient grains)
    {
        if (!TryParse(trigger, channel, TemplateLanguage.English, out var key)) return TypedResults.NotFound();
        if (request.Enabled is not { } enabled)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["enabled"] = ["Say whether the trigger is on: { \"enabled\": true } or false."] });
        return TypedResults.Ok((await Templates(grains, user).SetEnabledAsync(key.Trigger, key.Channel, enabled)).AsDto());
    }

    private static async Task<Results<Ok<PreviewDto>, ValidationProblem>> PreviewAsync(PreviewRequest request, ClaimsPrincipal user, IClusterClient grains, DomainClock clock)
    {
        var problems = new Dictionary<string, string[]>();
        if (!EnumName.TryParse<NotificationTrigger>(request.Trigger, out var trigger))
            problems["trigger"] = [$"Name a trigger: {string.Join(", ", Enum.GetNames<NotificationTrigger>())}."];
        if (!EnumName.TryParse<NotificationChannel>(request.Channel, out var channel))
            problems["channel"] = [$"Name a channel: {string.Join(", ", Enum.GetNames<NotificationChannel>())}."];
        if (!TemplateLanguage.IsSupported(request.Language))
            problems["language"] = [$"Name a language: {string.Join(", ", TemplateLanguage.All)}."];
        if (problems.Count > 0) return TypedResults.ValidationProblem(problems);

        var template = new NotificationTemplate(trigger, channel, request.Language!, request.Subject, request.Body ?? "");
        if (Problems(template) is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);

        var tenantId = user.GetTenantId();
        var zone = (await grains.GetGrain<IDispatchGrain>(tenantId).GetSettingsAsync()).TimeZone;
        var company = await grains.GetGrain<ICompanyGrain>(tenantId).GetAsync();
        var model = SampleModels.For(trigger, template.Language, zone, clock.GetUtcNow(), company);
        try
        {
            var message = TemplateRenderer.Render(template, model);
            var sms = channel == NotificationChannel.Sms ? SmsLength.Measure(message.Text) : null;
            return TypedResults.Ok(new PreviewDto(message.Subject, message.Html, message.Text,
                sms is null ? null : new SmsLengthDto(sms.Encoding, sms.Characters, sms.Segments, SmsLength.NonGsmCharacters(message.Text))));
        }
        catch (TemplateRejectedException rejected) // valid, but ran past the render limits
        {
            return TypedResults.ValidationProblem(rejected.Errors.AsProblemErrors());
        }
    }

    /// <summary>The template's own problems, and text no template needs: control characters (line breaks and tabs aside, in the body) and bidi overrides.</summary>
    private static Dictionary<string, string[]> Problems(NotificationTemplate template)
    {
        var errors = TemplateValidator.Validate(template).ToList();
        if (!PlainText.IsClean(template.Subject)) errors.Add(new(TemplateError.SubjectField, PlainText.Problem(TemplateError.SubjectField)));
        if (!PlainText.IsClean(template.Body, multiline: true)) errors.Add(new(TemplateError.BodyField, PlainText.Problem(TemplateError.BodyField)));
        return errors.AsProblemErrors();
    }

    private static bool TryParse(string trigger, string channel, string language, out (NotificationTrigger Trigger, NotificationChannel Channel) key)
    {
        var known = EnumName.TryParse<NotificationTrigger>(trigger, out var t) & EnumName.TryParse<NotificationChannel>(channel, out var c);
        key = (t, c);
        return known && TemplateLanguage.IsSupported(language) && TemplateChannels.IsOffered(t, c);
    }

    private static INotificationTemplatesGrain Templates(IClusterClient grains, ClaimsPrincipal user) =>
        grains.GetGrain<INotificationTemplatesGrain>(user.GetTenantId());
}

using Microsoft.Extensions.Options;
using Orleans;
using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Notifications.CustomerMessages;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Support.Feedback;

/// <summary>
/// Sends surveys: files the survey, binds a new link to it, and hands back the link's token (shown once, in the message;
/// only its hash is kept). A visit has one CSAT survey, whose id is the ticket's, so asking again finds it; each NPS
/// round's survey is new.
/// </summary>
public sealed class SurveyIssuer(IGrainFactory grains, CustomerMessageWriter writer, IOptions<NotificationLinkOptions> options)
{
    /// <summary>The completed visit's survey, filed the first time; returns a token for its link.</summary>
    public async Task<string> IssueCsatAsync(TicketSnapshot ticket, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        string? technicianName = null;
        if (ticket.TechnicianId is { } technicianId)
        {
            try
            {
                technicianName = (await grains.GetGrain<ITechnicianGrain>(TenantKeys.For(ticket.TenantId, technicianId)).GetAsync()).Profile.Name;
            }
            catch (NotFoundException)
            {
                // a technician removed since: the rating still counts for the id
            }
        }

        var invitation = new SurveyInvitation(
            SurveyKind.Csat, ticket.Details.CustomerId, ticket.TicketId, ticket.TechnicianId, technicianName, ticket.Details.Description, now, now + SurveyRules.Lifetime);
        var token = await IssueAsync(ticket.TenantId, ticket.TicketId, invitation);
        await grains.GetGrain<IFeedbackSettingsGrain>(ticket.TenantId).EnsureScheduledAsync();
        return token;
    }

    /// <summary>Sends a new NPS survey to the customer's owners (on every channel the company has switched on for it).</summary>
    public async Task SendNpsAsync(string tenantId, string customerId, DateTimeOffset now)
    {
        var surveyId = TenantKeys.NewId();
        var token = await IssueAsync(tenantId, surveyId, new SurveyInvitation(SurveyKind.Nps, customerId, null, null, null, null, now, now + SurveyRules.Lifetime));
        var link = options.Value.Survey(token);
        var notice = new Notice(NotificationTrigger.NpsSurvey, $"{NotificationTrigger.NpsSurvey}:{surveyId}", null, NotBefore: null, model => model.Link("links.survey", link));
        await writer.QueueForCustomerAsync(tenantId, customerId, customer => CustomerMessageWriter.Audience(customer, propertyId: null), notice);
    }

    private async Task<string> IssueAsync(string tenantId, string surveyId, SurveyInvitation invitation)
    {
        var (token, hash) = SecretToken.Create();
        await grains.GetGrain<ISurveyGrain>(TenantKeys.For(tenantId, surveyId)).IssueAsync(invitation);
        await grains.GetGrain<ISurveyLinkGrain>(hash).BindAsync(new SurveyRef(tenantId, surveyId));
        return token;
    }
}

namespace OrleansPortal.Web.Notifications.Sms;

/// <summary>Takes customers' texts in (the team's inbox, later). Called once per inbound message whose signature checked out.</summary>
public interface IInboundSmsHandler
{
    Task HandleAsync(InboundSms message, CancellationToken cancellationToken);
}

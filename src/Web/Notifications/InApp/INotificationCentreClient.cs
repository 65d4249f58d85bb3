namespace OrleansPortal.Web.Notifications.InApp;

/// <summary>What the portal's notification centre receives live.</summary>
public interface INotificationCentreClient
{
    Task Notification(PortalNotificationDto notification);
}

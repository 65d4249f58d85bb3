namespace OrleansPortal.Web.Portal.Jobs;

/// <summary>How a customer contact is named in audit trails and reports, so a report can tell the customer's own entries from the office's.</summary>
public static class PortalJobsActor
{
    public const string Prefix = "customer:";

    public static string Of(string contactId) => Prefix + contactId;
}

using Orleans;

namespace OrleansPortal.Grains.Calendars;

/// <summary>
/// The secret of one calendar feed (.ics): a technician's schedule or a customer contact's appointments, keyed by
/// <see cref="CalendarFeedKeys"/>. Calendar apps fetch a feed by URL alone, so the URL carries a random secret; only its
/// SHA-256 is kept. Issuing again replaces the secret (the old URL stops working); revoking ends the feed.
/// </summary>
[Alias("op.ICalendarFeedGrain")]
public interface ICalendarFeedGrain : IGrainWithStringKey
{
    /// <summary>A new secret for the feed, shown once; any earlier one stops working when this returns.</summary>
    Task<string> IssueAsync();

    /// <summary>The feed stops working at once; a no-op when there is none.</summary>
    Task RevokeAsync();

    /// <summary>Whether <paramref name="secret"/> is this feed's current secret (compared in constant time).</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<bool> AdmitsAsync(string secret);

    /// <summary>When the current secret was issued; null when the feed is off.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<DateTimeOffset?> IssuedAtAsync();
}

/// <summary>The feeds' grain keys: one feed per technician and one per customer contact.</summary>
public static class CalendarFeedKeys
{
    public static string Technician(string tenantId, string technicianId) => TenantKeys.For(tenantId, "technician/" + technicianId);

    public static string Contact(string tenantId, string customerId, string contactId) => TenantKeys.For(tenantId, $"contact/{customerId}/{contactId}");
}

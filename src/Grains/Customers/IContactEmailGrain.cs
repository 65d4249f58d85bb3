using Orleans;

namespace OrleansPortal.Grains.Customers;

/// <summary>
/// The email index of customer contacts, keyed by normalised email (trimmed, lower-case) and not by tenant: one person
/// can be a contact of several customers, in several companies, and a magic-link request names only the email.
/// </summary>
[Alias("op.IContactEmailGrain")]
public interface IContactEmailGrain : IGrainWithStringKey
{
    /// <summary>Adds the contact to the index (idempotent).</summary>
    Task AddAsync(ContactRef contact);

    /// <summary>Takes the contact out of the index (idempotent): its email changed, or it was removed.</summary>
    Task RemoveAsync(ContactRef contact);

    [Orleans.Concurrency.ReadOnly]
    Task<IReadOnlyList<ContactRef>> GetAsync();

    /// <summary>
    /// Counts a sign-in link request and answers the contacts to send links to: every contact of this email, or none when
    /// the email is no contact or already had <see cref="ContactEmailGrain.MaxLinkRequests"/> requests within
    /// <see cref="ContactEmailGrain.LinkRequestWindow"/>. Requests for unknown emails are not counted (nothing is stored for them).
    /// </summary>
    Task<IReadOnlyList<ContactRef>> RequestLinksAsync();
}

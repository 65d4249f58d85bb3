using Orleans;
using OrleansPortal.Grains.Customers;

namespace OrleansPortal.Grains.Identity;

/// <summary>
/// One magic sign-in link for a customer contact, keyed by the SHA-256 (hex) of its token (<see cref="SecretToken"/>):
/// the token itself is never stored. A link works once, and only until it expires.
/// </summary>
[Alias("op.IMagicLinkGrain")]
public interface IMagicLinkGrain : IGrainWithStringKey
{
    /// <summary>Issues the link; throws <see cref="ConflictException"/> if this hash was issued before.</summary>
    Task IssueAsync(MagicLinkGrant grant);

    /// <summary>
    /// The first call before expiry answers whom the link signs in and burns the link; every other call (again, too late,
    /// never issued) answers null.
    /// </summary>
    Task<MagicLinkGrant?> RedeemAsync();
}

[GenerateSerializer, Immutable, Alias("op.MagicLinkGrant")]
public sealed record MagicLinkGrant(ContactRef Contact, DateTimeOffset ExpiresAt);

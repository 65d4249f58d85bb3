using Orleans;

namespace OrleansPortal.Grains.Identity;

/// <summary>
/// The server-side half of one person's sign-ins, keyed "{tenantId}:{kind}/{who}" (a dispatcher by email, a customer
/// contact by customer and contact id). Every sign-in cookie carries the stamp current when it was issued, and is good
/// only while that stamp is still the current one; signing out ends it, so a copied cookie is refused everywhere at once.
/// </summary>
[Alias("op.ISessionStampGrain")]
public interface ISessionStampGrain : IGrainWithStringKey
{
    /// <summary>The current stamp, created by the first sign-in after the last sign-out; signing in again reuses it, so each browser stays signed in.</summary>
    Task<string> OpenAsync();

    /// <summary>The current stamp, or null when signed out.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<string?> GetAsync();

    /// <summary>Ends every session: no cookie issued before is accepted again, in any browser, on any node.</summary>
    Task EndAllAsync();
}

using Orleans;

namespace OrleansPortal.Grains.Support.Widget;

/// <summary>
/// The website widget's settings of one company (key = tenant id): the origins allowed to embed it, and the secret the
/// company's own site signs its signed-in users' emails with (the identity hash). The secret is made on first use.
/// </summary>
[Alias("op.IWidgetSettingsGrain")]
public interface IWidgetSettingsGrain : IGrainWithStringKey
{
    /// <summary>The settings, with the secret (made and stored now if the company had none).</summary>
    [Alias("Get")]
    Task<WidgetSettings> GetAsync();

    /// <summary>The allowed origins only (what every cross-origin request checks); never makes or writes anything.</summary>
    [Alias("GetOrigins"), Orleans.Concurrency.ReadOnly]
    Task<IReadOnlyList<string>> GetOriginsAsync();

    /// <summary>
    /// Replaces the allowed origins (duplicates kept once). <see cref="ArgumentException"/> for a list with a
    /// <see cref="WidgetOrigins.Problem"/>; a write that fails leaves the previous list in force.
    /// </summary>
    [Alias("SetOrigins")]
    Task<WidgetSettings> SetOriginsAsync(IReadOnlyList<string> origins);

    /// <summary>Replaces the identity secret with a new random one: hashes made with the old one no longer verify.</summary>
    [Alias("RotateSecret")]
    Task<WidgetSettings> RotateSecretAsync();

    /// <summary>
    /// Whether <paramref name="hash"/> is the lower- or upper-case hex HMAC-SHA256 of <paramref name="email"/> (UTF-8, as
    /// given) under the company's identity secret, compared in constant time. False while the company has no secret.
    /// </summary>
    [Alias("VerifyIdentity"), Orleans.Concurrency.ReadOnly]
    Task<bool> VerifyIdentityAsync(string email, string hash);
}

/// <param name="IdentitySecret">Only for the company's team and its own server: whoever has it can vouch for any email.</param>
[GenerateSerializer, Immutable, Alias("op.WidgetSettings")]
public sealed record WidgetSettings([property: Id(0)] IReadOnlyList<string> AllowedOrigins, [property: Id(1)] string IdentitySecret);

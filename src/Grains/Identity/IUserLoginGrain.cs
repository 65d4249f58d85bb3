using Orleans;

namespace OrleansPortal.Grains.Identity;

/// <summary>
/// A dispatcher's login, keyed by normalised email (emails are unique across tenants, so a login finds its tenant).
/// Holds only the password hash; hashing and verifying happen at the web edge.
/// </summary>
[Alias("op.IUserLoginGrain")]
public interface IUserLoginGrain : IGrainWithStringKey
{
    /// <summary>Creates the login; throws <see cref="ConflictException"/> when the email is taken.</summary>
    Task RegisterAsync(UserLogin login);

    /// <summary>The login, or null when none exists for this email.</summary>
    Task<UserLogin?> GetAsync();

    Task ChangePasswordHashAsync(string passwordHash);
}

[GenerateSerializer, Immutable, Alias("op.UserLogin")]
public sealed record UserLogin(string TenantId, string Email, string DisplayName, string Role, string PasswordHash);

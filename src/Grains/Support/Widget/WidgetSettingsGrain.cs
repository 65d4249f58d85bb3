using System.Security.Cryptography;
using System.Text;
using Orleans;
using Orleans.Runtime;

namespace OrleansPortal.Grains.Support.Widget;

[GenerateSerializer, Alias("op.WidgetSettingsState")]
public sealed class WidgetSettingsState
{
    [Id(0)] public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>Null until first asked for: a company that never opens the settings stores nothing.</summary>
    [Id(1)] public string? IdentitySecret { get; set; }
}

public sealed class WidgetSettingsGrain([PersistentState("support-widget")] IPersistentState<WidgetSettingsState> state) : Grain, IWidgetSettingsGrain
{
    public async Task<WidgetSettings> GetAsync()
    {
        if (state.State.IdentitySecret is null) await WriteAsync(s => s.IdentitySecret = NewSecret());
        return Snapshot();
    }

    public Task<IReadOnlyList<string>> GetOriginsAsync() => Task.FromResult<IReadOnlyList<string>>([.. state.State.AllowedOrigins]);

    public async Task<WidgetSettings> SetOriginsAsync(IReadOnlyList<string> origins)
    {
        if (WidgetOrigins.Problem(origins) is { } problem) throw new ArgumentException(problem, nameof(origins));
        await WriteAsync(s =>
        {
            s.AllowedOrigins = [.. origins.Distinct(StringComparer.Ordinal)];
            s.IdentitySecret ??= NewSecret();
        });
        return Snapshot();
    }

    public async Task<WidgetSettings> RotateSecretAsync()
    {
        await WriteAsync(s => s.IdentitySecret = NewSecret());
        return Snapshot();
    }

    public Task<bool> VerifyIdentityAsync(string email, string hash)
    {
        if (state.State.IdentitySecret is not { } secret || string.IsNullOrEmpty(email) || hash is not { Length: 64 }) return Task.FromResult(false);
        byte[] given;
        try
        {
            given = Convert.FromHexString(hash);
        }
        catch (FormatException)
        {
            return Task.FromResult(false);
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(email));
        return Task.FromResult(CryptographicOperations.FixedTimeEquals(expected, given));
    }

    private WidgetSettings Snapshot() => new([.. state.State.AllowedOrigins], state.State.IdentitySecret ?? "");

    /// <summary>Applies a change and stores it; if the write fails the state is as it was.</summary>
    private async Task WriteAsync(Action<WidgetSettingsState> change)
    {
        var before = new WidgetSettingsState { AllowedOrigins = [.. state.State.AllowedOrigins], IdentitySecret = state.State.IdentitySecret };
        change(state.State);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = before;
            throw;
        }
    }

    /// <summary>256 random bits as 64 hex characters: the text itself is the HMAC key the company's server uses.</summary>
    private static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}

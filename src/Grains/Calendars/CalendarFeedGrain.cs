using System.Security.Cryptography;
using System.Text;
using Orleans;
using Orleans.Runtime;

namespace OrleansPortal.Grains.Calendars;

[GenerateSerializer, Alias("op.CalendarFeedState")]
public sealed class CalendarFeedState
{
    /// <summary>Lower-case hex SHA-256 of the current secret; null when the feed is off.</summary>
    [Id(0)]
    public string? SecretHash { get; set; }

    [Id(1)]
    public DateTimeOffset? IssuedAt { get; set; }
}

public sealed class CalendarFeedGrain([PersistentState("calendarFeed")] IPersistentState<CalendarFeedState> state, DomainClock clock) : Grain, ICalendarFeedGrain
{
    public async Task<string> IssueAsync()
    {
        var (secret, hash) = SecretToken.Create();
        state.State.SecretHash = hash;
        state.State.IssuedAt = clock.GetUtcNow();
        await state.WriteStateAsync();
        return secret;
    }

    public async Task RevokeAsync()
    {
        if (state.State.SecretHash is null) return;
        state.State.SecretHash = null;
        state.State.IssuedAt = null;
        await state.WriteStateAsync();
    }

    public Task<bool> AdmitsAsync(string secret) => Task.FromResult(
        state.State.SecretHash is { } stored
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored), Encoding.ASCII.GetBytes(SecretToken.Hash(secret))));

    public Task<DateTimeOffset?> IssuedAtAsync() => Task.FromResult(state.State.IssuedAt);
}

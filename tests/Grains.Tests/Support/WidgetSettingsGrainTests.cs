using System.Security.Cryptography;
using System.Text;
using Orleans.Runtime;
using OrleansPortal.Grains.Support.Widget;
using OrleansPortal.Grains.Tests.Infrastructure;

namespace OrleansPortal.Grains.Tests.Support;

/// <summary>
/// A company's widget settings: origins only in their written form, a secret made once and kept across activations,
/// rotation that ends the old secret's hashes, and the identity check itself.
/// </summary>
public sealed class WidgetSettingsGrainTests(GrainCluster cluster) : IClassFixture<GrainCluster>
{
    private readonly IWidgetSettingsGrain _grain = cluster.Client.GetGrain<IWidgetSettingsGrain>("tenant-" + TenantKeys.NewId());

    [Theory]
    [InlineData("https://www.acme.example", "https://www.acme.example")]
    [InlineData("HTTPS://WWW.Acme.Example/", "https://www.acme.example")]
    [InlineData("https://www.acme.example:443", "https://www.acme.example")]
    [InlineData("https://www.acme.example:8443", "https://www.acme.example:8443")]
    [InlineData("http://localhost:5173", "http://localhost:5173")]
    [InlineData("http://127.0.0.1", "http://127.0.0.1")]
    [InlineData("http://www.acme.example", null)]
    [InlineData("http://localhost.acme.example", null)]
    [InlineData("https://www.acme.example/contact", null)]
    [InlineData("https://www.acme.example/?a=1", null)]
    [InlineData("https://user@www.acme.example", null)]
    [InlineData("ftp://www.acme.example", null)]
    [InlineData("www.acme.example", null)]
    [InlineData("*", null)]
    [InlineData("null", null)]
    public void Origins_AreWrittenAsABrowserSendsThem(string value, string? expected) => Assert.Equal(expected, WidgetOrigins.Normalize(value));

    [Fact]
    public async Task TheSecret_IsMadeOnce_SurvivesReactivation_AndRotatingItEndsOldHashes()
    {
        var first = await _grain.GetAsync();
        Assert.Matches("^[0-9a-f]{64}$", first.IdentitySecret);
        Assert.True(await _grain.VerifyIdentityAsync("maria@example.com", Hash(first.IdentitySecret, "maria@example.com")));
        Assert.True(await _grain.VerifyIdentityAsync("maria@example.com", Hash(first.IdentitySecret, "maria@example.com").ToUpperInvariant()));
        Assert.False(await _grain.VerifyIdentityAsync("maria@example.com", Hash(first.IdentitySecret, "ana@example.com")));
        Assert.False(await _grain.VerifyIdentityAsync("maria@example.com", "zz" + new string('0', 62)));

        await cluster.DeactivateAsync(_grain.GetGrainId());
        Assert.Equal(first.IdentitySecret, (await _grain.GetAsync()).IdentitySecret);

        var rotated = await _grain.RotateSecretAsync();
        Assert.NotEqual(first.IdentitySecret, rotated.IdentitySecret);
        Assert.False(await _grain.VerifyIdentityAsync("maria@example.com", Hash(first.IdentitySecret, "maria@example.com")));
        Assert.True(await _grain.VerifyIdentityAsync("maria@example.com", Hash(rotated.IdentitySecret, "maria@example.com")));
    }

    [Fact]
    public async Task Origins_AreKeptOnce_AndAListThatBreaksTheRules_ChangesNothing()
    {
        var saved = await _grain.SetOriginsAsync(["https://www.acme.example", "http://localhost:5173", "https://www.acme.example"]);
        Assert.Equal(["https://www.acme.example", "http://localhost:5173"], saved.AllowedOrigins);

        await Assert.ThrowsAsync<ArgumentException>(() => _grain.SetOriginsAsync(["https://WWW.acme.example/"])); // the edge writes it first
        await Assert.ThrowsAsync<ArgumentException>(() => _grain.SetOriginsAsync([.. Enumerable.Range(0, WidgetOrigins.MaxOrigins + 1).Select(i => $"https://s{i}.example")]));

        Assert.Equal(["https://www.acme.example", "http://localhost:5173"], await _grain.GetOriginsAsync());
    }

    private static string Hash(string secret, string email) => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(email)));
}

using OrleansPortal.Grains.Devices;
using OrleansPortal.Web.Tracking;

namespace OrleansPortal.Web.Tests.Tracking;

/// <summary>The node's allocation-free token hash names the same grain as the hash stored when the token was issued.</summary>
public sealed class TokenHashTests
{
    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("ünïcödé-tökén-✓")]
    public void TheHash_IsTheIssuedTokensHash(string token)
    {
        Assert.Equal(DeviceToken.Hash(token), TokenHash.Of(token).ToHex());
    }

    [Fact]
    public void AnIssuedToken_AndALongOne_HashAsWhenIssued()
    {
        var (token, hash, _) = DeviceToken.Create();
        var longToken = new string('x', 10_000);

        Assert.Equal(hash, TokenHash.Of(token).ToHex());
        Assert.Equal(DeviceToken.Hash(longToken), TokenHash.Of(longToken).ToHex());
        Assert.NotEqual(TokenHash.Of(token), TokenHash.Of(token + "x"));
    }
}

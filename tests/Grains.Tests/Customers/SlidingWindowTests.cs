using OrleansPortal.Grains.Customers;

namespace OrleansPortal.Grains.Tests.Customers;

public sealed class SlidingWindowTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void SixthRequestWithinTheWindow_IsRefused_AndNotCounted()
    {
        var recent = new List<DateTimeOffset>();
        for (var i = 0; i < 5; i++) Assert.True(SlidingWindow.TryAdmit(recent, Start.AddMinutes(i), 5, TimeSpan.FromMinutes(15)));

        Assert.False(SlidingWindow.TryAdmit(recent, Start.AddMinutes(10), 5, TimeSpan.FromMinutes(15)));
        Assert.Equal(5, recent.Count);
    }

    [Fact]
    public void OnceTheOldestRequestLeavesTheWindow_OneMoreIsAdmitted()
    {
        var recent = new List<DateTimeOffset>();
        for (var i = 0; i < 5; i++) SlidingWindow.TryAdmit(recent, Start.AddMinutes(i), 5, TimeSpan.FromMinutes(15));

        Assert.True(SlidingWindow.TryAdmit(recent, Start.AddMinutes(15), 5, TimeSpan.FromMinutes(15)));
        Assert.False(SlidingWindow.TryAdmit(recent, Start.AddMinutes(15.5), 5, TimeSpan.FromMinutes(15)));
    }
}

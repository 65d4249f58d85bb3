using OrleansPortal.Grains.Payments;
using OrleansPortal.Grains.Notifications.Templates;

namespace OrleansPortal.Grains.Tests.Notifications.Templates;

public sealed class LocalizedTextTests
{
    private static readonly TimeZoneInfo Lisbon = LocalizedText.Zone("Europe/Lisbon");

    [Fact]
    public void AWindow_ReadsInEnglishAndPortuguese_InTheReadersZone()
    {
        // 8 December 2026 is a Tuesday; Lisbon is on UTC in winter, New York five hours behind.
        var start = new DateTimeOffset(2026, 12, 8, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal("Tuesday 8 December, 10:00-12:00", LocalizedText.Range(start, start.AddHours(2), "en", Lisbon));
        Assert.Equal("terça-feira, 8 de dezembro, 10:00-12:00", LocalizedText.Range(start, start.AddHours(2), "pt", Lisbon));
        Assert.Equal("Tuesday 8 December, 05:00-07:00", LocalizedText.Range(start, start.AddHours(2), "en", LocalizedText.Zone("America/New_York")));
    }

    [Fact]
    public void SummerTime_AndAWindowOverMidnight_AreShownAsTheReaderLivesThem()
    {
        var summer = new DateTimeOffset(2026, 7, 4, 9, 0, 0, TimeSpan.Zero); // 10:00 in Lisbon (WEST)
        var late = new DateTimeOffset(2026, 3, 14, 22, 0, 0, TimeSpan.Zero);

        Assert.Equal("sábado, 4 de julho", LocalizedText.Day(summer, "pt", Lisbon));
        Assert.Equal("10:00", LocalizedText.Time(summer, Lisbon));
        Assert.Equal("Saturday 14 March, 22:00 - Sunday 15 March, 01:00", LocalizedText.Range(late, late.AddHours(3), "en", Lisbon));
    }

    [Fact]
    public void DatesAndAmounts_FollowEachLanguage()
    {
        Assert.Equal("8 January 2027", LocalizedText.Date(new DateOnly(2027, 1, 8), "en"));
        Assert.Equal("8 de março de 2027", LocalizedText.Date(new DateOnly(2027, 3, 8), "pt-PT"));
        Assert.Equal("€1,250.50", LocalizedText.Money(new Money(125_050, "EUR"), "en"));
        Assert.Equal("1250,50 €", LocalizedText.Money(new Money(125_050, "EUR"), "pt"));
        Assert.Equal("12 345,00 €", LocalizedText.Money(new Money(1_234_500, "EUR"), "pt"));
        Assert.Equal("-€0.05", LocalizedText.Money(new Money(-5, "EUR"), "en"));
        Assert.Equal("CHF80.00", LocalizedText.Money(new Money(8000, "chf"), "en"));
        Assert.Equal("JPY1,250", LocalizedText.Money(new Money(1250, "JPY"), "en")); // no minor unit
        Assert.Equal("KWD1.250", LocalizedText.Money(new Money(1250, "KWD"), "en")); // three decimals
    }

    [Fact]
    public void AnUnknownZone_IsRefusedByName()
    {
        var refused = Assert.Throws<ArgumentException>(() => new NotificationModel("en", "Mars/Olympus"));

        Assert.Contains("Mars/Olympus", refused.Message);
    }
}

using OrleansPortal.Grains.Geocoding;

namespace OrleansPortal.Grains.Tests.Geocoding;

public sealed class AddressTextTests
{
    [Theory]
    [InlineData("12 A", "12a", 12)]
    [InlineData("12-14", "1214", 12)]
    [InlineData("s/n", "sn", int.MaxValue)]
    public void HouseNumbers_AreComparedWithoutSeparators_AndOrderedByTheirLeadingNumber(string number, string key, int order)
    {
        Assert.Equal(key, AddressText.HouseKey(number));
        Assert.Equal(order, AddressText.HouseOrder(number));
    }
}

using OrleansPortal.Grains.Geocoding;

namespace OrleansPortal.Grains.Tests.Geocoding;

public sealed class AddressTextTests
{
    [Theory]
    [InlineData("Rua de São João", "rua de sao joao")]
    [InlineData("  PRAÇA   do Município ", "praca do municipio")]
    [InlineData("Rua 1.º de Maio", "rua 1 o de maio")]
    [InlineData("Straße-Nr. 5", "strasse nr 5")]
    [InlineData("Largo d'Ouro", "largo d ouro")]
    [InlineData("", "")]
    public void Fold_LowerCasesAndDropsAccentsAndPunctuation(string text, string folded)
    {
        Assert.Equal(folded, AddressText.Fold(text));
    }

    [Theory]
    [InlineData("12 A", "12a", 12)]
    [InlineData("12-14", "1214", 12)]
    [InlineData("s/n", "sn", int.MaxValue)]
    public void HouseNumbers_AreComparedWithoutSeparators(string number, string key, int order)
    {
        Assert.Equal(key, AddressText.HouseKey(number));
        Assert.Equal(order, AddressText.HouseOrder(number));
    }
}

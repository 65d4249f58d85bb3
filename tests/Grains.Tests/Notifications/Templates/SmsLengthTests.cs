using OrleansPortal.Grains.Notifications.Templates;

namespace OrleansPortal.Grains.Tests.Notifications.Templates;

public sealed class SmsLengthTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    public void Gsm7_Fits160Alone_And153PerPart(int length, int segments) =>
        Assert.Equal(new SmsMeasure(SmsEncoding.Gsm7, length, segments), SmsLength.Measure(new string('a', length)));

    [Fact]
    public void ExtensionCharacters_CountTwice_AndNeverStraddleTwoParts()
    {
        Assert.Equal(new SmsMeasure(SmsEncoding.Gsm7, 160, 1), SmsLength.Measure(new string('a', 158) + "€"));
        // 152 septets, then € (2) does not fit in the first part's 153: it moves, and the message takes 2 parts, not 1 + a bit.
        Assert.Equal(new SmsMeasure(SmsEncoding.Gsm7, 306, 3), SmsLength.Measure(new string('a', 152) + "€" + new string('a', 152)));
    }

    [Fact]
    public void OneCharacterOutsideGsm7_MakesTheWholeMessageUcs2()
    {
        var text = "Olá, a sua visita está marcada para terça-feira";

        Assert.Equal(new SmsMeasure(SmsEncoding.Ucs2, text.Length, 1), SmsLength.Measure(text));
        Assert.Equal(["á", "ç"], SmsLength.NonGsmCharacters("Olá à terça"));
        Assert.Equal(2, SmsLength.Measure(new string('ç', 71)).Segments);
        Assert.Equal(2, SmsLength.Measure(new string('ç', 134)).Segments);
        Assert.Equal(3, SmsLength.Measure(new string('ç', 135)).Segments);
    }

    [Fact]
    public void CharactersOutsideTheBmp_CountTwice()
    {
        Assert.Equal(new SmsMeasure(SmsEncoding.Ucs2, 70, 1), SmsLength.Measure(new string('a', 68) + "😀"));
        Assert.Equal(new SmsMeasure(SmsEncoding.Ucs2, 72, 2), SmsLength.Measure(new string('a', 70) + "😀"));
    }
}

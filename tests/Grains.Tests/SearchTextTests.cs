namespace OrleansPortal.Grains.Tests;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("Rua de São João", "rua de sao joao")]
    [InlineData("  PRAÇA   do Município ", "praca do municipio")]
    [InlineData("Rua 1.º de Maio", "rua 1 o de maio")]
    [InlineData("Straße-Nr. 5", "strasse nr 5")]
    [InlineData("Largo d'Ouro", "largo d ouro")]
    [InlineData("Maria.Silva@Example.COM", "maria silva example com")]
    [InlineData("+351 912-345-678", "351 912 345 678")]
    [InlineData("", "")]
    public void Fold_LowerCasesAndDropsAccentsAndPunctuation(string text, string folded)
    {
        Assert.Equal(folded, SearchText.Fold(text));
        Assert.Equal(folded.Split(' ', StringSplitOptions.RemoveEmptyEntries), SearchText.Words(text));
    }
}

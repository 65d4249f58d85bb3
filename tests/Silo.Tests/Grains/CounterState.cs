namespace OrleansPortal.Silo.Tests.Grains;

[GenerateSerializer, Alias("test.counter-state")]
public sealed class CounterState
{
    [Id(0)] public int Value { get; set; }

    [Id(1)] public string? Label { get; set; }
}

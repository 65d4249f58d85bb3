namespace OrleansPortal.Silo.Tests.Storage;

/// <summary>A small grain state as grains declare them: a plain record that serializes as JSON.</summary>
public sealed record CounterState(string Label, int Count);

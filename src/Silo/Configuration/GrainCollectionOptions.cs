namespace Orleans.Configuration;

/// <summary>When idle activations are collected, and how long activation and deactivation may take.</summary>
public sealed class GrainCollectionOptions
{
    /// <summary>An activation idle this long is deactivated (per class: [CollectionAgeLimit] or <see cref="ClassSpecificCollectionAge"/>).</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the collector looks for idle activations.</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Collection age by grain class full name, overriding attributes.</summary>
    public Dictionary<string, TimeSpan> ClassSpecificCollectionAge { get; } = [];

    public TimeSpan ActivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

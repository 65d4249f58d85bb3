namespace Orleans;

/// <summary>How long an activation of this grain class may sit idle before it is collected (default: the silo's GrainCollectionOptions.CollectionAge).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CollectionAgeLimitAttribute : Attribute
{
    public double Minutes { get; init; }

    public double Seconds { get; init; }

    public TimeSpan AgeLimit => TimeSpan.FromMinutes(Minutes) + TimeSpan.FromSeconds(Seconds);
}

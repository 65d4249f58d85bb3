namespace Orleans;

/// <summary>
/// Pins a grain class's type name. The type name is part of every grain id and storage key, so pin it before a
/// class is renamed, or its stored state and reminders are orphaned.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string grainType) : Attribute
{
    public string GrainType { get; } = grainType;
}

namespace Orleans;

/// <summary>
/// Every stream in <paramref name="streamNamespace"/> is delivered to the grain of this class whose key equals the
/// stream's key, activating it if needed. The grain attaches its handler by subscribing in OnActivateAsync.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ImplicitStreamSubscriptionAttribute(string streamNamespace) : Attribute
{
    public string Namespace { get; } = streamNamespace;
}

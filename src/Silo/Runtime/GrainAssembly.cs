using System.Reflection;

namespace Orleans.Runtime;

/// <summary>An assembly whose grain classes the silo registers (added by ISiloBuilder.AddGrainAssembly).</summary>
public sealed record GrainAssembly(Assembly Assembly);

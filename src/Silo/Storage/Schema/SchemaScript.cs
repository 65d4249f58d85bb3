namespace OrleansPortal.Silo.Storage.Schema;

/// <summary>One numbered migration of a <see cref="SchemaModule"/>: applied once, in version order, then recorded.</summary>
public sealed record SchemaScript(int Version, string Name, string Sql);

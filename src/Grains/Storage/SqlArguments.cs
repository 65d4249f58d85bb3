using System.Data.Common;
using OrleansPortal.Grains.Technicians.History;

namespace OrleansPortal.Grains.Storage;

/// <summary>Binds a statement's named parameters (<c>@name</c> in the SQL of both databases).</summary>
internal readonly struct SqlArguments(DbCommand command, bool postgres)
{
    public SqlArguments Add(string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return this;
    }

    /// <summary>A time as it is stored (see <see cref="PortalDatabase"/>).</summary>
    public SqlArguments AddTime(string name, DateTimeOffset time) =>
        Add(name, postgres ? StoredValues.Time(time) : StoredValues.UnixMicroseconds(StoredValues.Time(time)));
}

using System.Data.Common;
using OrleansPortal.Grains.Storage;
using OrleansPortal.Grains.Technicians;

namespace OrleansPortal.Grains.Companies.Roster;

/// <summary>
/// <see cref="ITechnicianRoster"/> on table <c>company_technicians</c> (PostgreSQL or SQLite). The live read joins
/// the ping history's table, reading each technician's newest fix backwards along its primary key: one index probe
/// per technician, however long the history.
/// </summary>
public sealed class TechnicianRoster(PortalDatabase database) : ITechnicianRoster
{
    /// <summary>The largest page <see cref="ListAsync"/> returns.</summary>
    public const int MaxPageSize = 1000;

    private const string Key = "tenant_id = @tenant AND technician_id = @technician";

    private const string SavePostgres =
        "INSERT INTO company_technicians (tenant_id, technician_id, name, sort_name, status) VALUES (@tenant, @technician, @name, @sort, @status) " +
        "ON CONFLICT (tenant_id, technician_id) DO UPDATE SET name = excluded.name, sort_name = excluded.sort_name, status = excluded.status " +
        "WHERE (company_technicians.name, company_technicians.status) IS DISTINCT FROM (excluded.name, excluded.status)";

    // SQLite's IS NOT is PostgreSQL's IS DISTINCT FROM; neither writes a row that would not change.
    private const string SaveSqlite =
        "INSERT INTO company_technicians (tenant_id, technician_id, name, sort_name, status) VALUES (@tenant, @technician, @name, @sort, @status) " +
        "ON CONFLICT (tenant_id, technician_id) DO UPDATE SET name = excluded.name, sort_name = excluded.sort_name, status = excluded.status " +
        "WHERE company_technicians.name IS NOT excluded.name OR company_technicians.status IS NOT excluded.status";

    private const string Contains = $"SELECT 1 FROM company_technicians WHERE {Key}";

    private const string Count = "SELECT count(*) FROM company_technicians WHERE tenant_id = @tenant";

    private const string FirstPage =
        "SELECT technician_id, name, status FROM company_technicians WHERE tenant_id = @tenant ORDER BY sort_name, technician_id LIMIT @limit";

    // A row comparison against the previous page's last row: an index range scan, however deep the page.
    private const string NextPage =
        "SELECT technician_id, name, status FROM company_technicians WHERE tenant_id = @tenant " +
        "AND (sort_name, technician_id) > (SELECT sort_name, technician_id FROM company_technicians WHERE tenant_id = @tenant AND technician_id = @after) " +
        "ORDER BY sort_name, technician_id LIMIT @limit";

    private const string FixColumns = "p.fix_time, p.received_at, p.lat, p.lon, p.speed_mps, p.heading, p.altitude, p.accuracy, p.battery";

    private const string LivePostgres =
        $"SELECT r.technician_id, r.name, r.status, {FixColumns} FROM company_technicians r " +
        "LEFT JOIN LATERAL (SELECT h.fix_time, h.received_at, h.lat, h.lon, h.speed_mps, h.heading, h.altitude, h.accuracy, h.battery " +
        "FROM technician_pings h WHERE h.tenant_id = r.tenant_id AND h.technician_id = r.technician_id " +
        "AND NOT h.is_outlier ORDER BY h.fix_time DESC LIMIT 1) p ON true " +
        "WHERE r.tenant_id = @tenant ORDER BY r.sort_name, r.technician_id";

    private const string LiveSqlite =
        $"SELECT r.technician_id, r.name, r.status, {FixColumns} FROM company_technicians r " +
        "LEFT JOIN technician_pings p ON p.tenant_id = r.tenant_id AND p.technician_id = r.technician_id AND p.fix_time = " +
        "(SELECT h.fix_time FROM technician_pings h WHERE h.tenant_id = r.tenant_id AND h.technician_id = r.technician_id " +
        "AND h.is_outlier = 0 ORDER BY h.fix_time DESC LIMIT 1) " +
        "WHERE r.tenant_id = @tenant ORDER BY r.sort_name, r.technician_id";

    public Task SaveAsync(string tenantId, RosterEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(entry);
        return database.ExecuteAsync(database.IsPostgreSql ? SavePostgres : SaveSqlite, a => a
            .Add("@tenant", tenantId)
            .Add("@technician", entry.TechnicianId)
            .Add("@name", entry.Name)
            .Add("@sort", SortName(entry.Name))
            .Add("@status", entry.Status.ToString()), cancellationToken);
    }

    public async Task<bool> ContainsAsync(string tenantId, string technicianId, CancellationToken cancellationToken = default)
    {
        var rows = await database.QueryAsync(Contains, a => a.Add("@tenant", tenantId).Add("@technician", technicianId), _ => true, cancellationToken);
        return rows.Count > 0;
    }

    public async Task<int> CountAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var rows = await database.QueryAsync(Count, a => a.Add("@tenant", tenantId), r => r.GetInt64(0), cancellationToken);
        return (int)rows[0];
    }

    public async Task<IReadOnlyList<RosterEntry>> ListAsync(string tenantId, string? after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxPageSize);
        return await database.QueryAsync(after is null ? FirstPage : NextPage, a =>
        {
            a.Add("@tenant", tenantId).Add("@limit", limit);
            if (after is not null) a.Add("@after", after);
        }, r => new RosterEntry(r.GetString(0), r.GetString(1), Status(r, 2)), cancellationToken);
    }

    public async Task<IReadOnlyList<LiveTechnician>> ReadLiveAsync(string tenantId, CancellationToken cancellationToken = default) =>
        await database.QueryAsync(database.IsPostgreSql ? LivePostgres : LiveSqlite, a => a.Add("@tenant", tenantId), ReadLive, cancellationToken);

    /// <summary>The listing key: OrdinalIgnoreCase order, as byte-wise comparison of the upper-cased name gives it.</summary>
    internal static string SortName(string name) => name.ToUpperInvariant();

    private LiveTechnician ReadLive(DbDataReader r)
    {
        if (r.IsDBNull(3)) return new LiveTechnician(r.GetString(0), r.GetString(1), Status(r, 2), null, null);
        var fix = new GpsFix(database.ReadTime(r, 3), r.GetDouble(5), r.GetDouble(6))
        {
            SpeedMetersPerSecond = Measurement(r, 7),
            HeadingDegrees = Measurement(r, 8),
            AltitudeMeters = Measurement(r, 9),
            AccuracyMeters = Measurement(r, 10),
            BatteryPercent = Measurement(r, 11),
        };
        return new LiveTechnician(r.GetString(0), r.GetString(1), Status(r, 2), fix, database.ReadTime(r, 4));
    }

    // A status name this version does not know (written by a newer node) reads as off duty rather than failing the read.
    private static TechnicianStatus Status(DbDataReader r, int ordinal) =>
        Enum.TryParse<TechnicianStatus>(r.GetString(ordinal), out var status) ? status : TechnicianStatus.OffDuty;

    private static double? Measurement(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetDouble(ordinal);
}

namespace OrleansPortal.Grains.Technicians.History;

/// <summary>One stored ping: whose, the fix, when the server received it, and whether the jump filter flagged it.</summary>
public sealed record PingRecord(string TenantId, string TechnicianId, GpsFix Fix, DateTimeOffset ReceivedAt, bool IsOutlier);

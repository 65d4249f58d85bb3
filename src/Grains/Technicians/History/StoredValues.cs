namespace OrleansPortal.Grains.Technicians.History;

/// <summary>
/// How values are narrowed for storage, identically on every database, so a ping reads back the same wherever it is
/// stored: times in UTC truncated to whole microseconds (PostgreSQL's resolution), optional measurements as 32-bit
/// floats (about 7 significant digits, far finer than any phone measures), NaN measurements as unknown.
/// </summary>
internal static class StoredValues
{
    private static readonly long UnixEpochTicks = DateTimeOffset.UnixEpoch.UtcTicks;

    /// <summary>The instant as stored: UTC, truncated to the microsecond. Truncating here, not in the driver, keeps both databases identical.</summary>
    public static DateTimeOffset Time(DateTimeOffset time)
    {
        var ticks = time.UtcTicks;
        return new DateTimeOffset(ticks - ticks % TimeSpan.TicksPerMicrosecond, TimeSpan.Zero);
    }

    /// <summary>
    /// A query bound rounded up to the microsecond: stored times are whole microseconds, so "stored &gt;= bound" and
    /// "stored &lt; bound" give the same answer for the exact bound and for this one. Clamped at the largest instant.
    /// </summary>
    public static DateTimeOffset Bound(DateTimeOffset bound)
    {
        var ticks = bound.UtcTicks;
        var remainder = ticks % TimeSpan.TicksPerMicrosecond;
        if (remainder == 0) return bound.ToUniversalTime();
        var up = TimeSpan.TicksPerMicrosecond - remainder;
        return ticks > DateTimeOffset.MaxValue.UtcTicks - up ? DateTimeOffset.MaxValue : new DateTimeOffset(ticks + up, TimeSpan.Zero);
    }

    /// <summary>Microseconds since the Unix epoch of a stored time (exact, since stored times are whole microseconds).</summary>
    public static long UnixMicroseconds(DateTimeOffset storedTime) => (storedTime.UtcTicks - UnixEpochTicks) / TimeSpan.TicksPerMicrosecond;

    /// <summary>A query bound in Unix microseconds, rounded up like <see cref="Bound"/>, without the clamp (a long cannot overflow here).</summary>
    public static long BoundUnixMicroseconds(DateTimeOffset bound)
    {
        var ticks = bound.UtcTicks - UnixEpochTicks;
        return ticks / TimeSpan.TicksPerMicrosecond + (ticks % TimeSpan.TicksPerMicrosecond > 0 ? 1 : 0);
    }

    public static DateTimeOffset FromUnixMicroseconds(long microseconds) =>
        new(UnixEpochTicks + microseconds * TimeSpan.TicksPerMicrosecond, TimeSpan.Zero);

    public static float? Measurement(double? value) => value is { } v && !double.IsNaN(v) ? (float)v : null;
}

namespace OrleansPortal.Grains;

/// <summary>
/// How much of anything a client may send. Every string and list the API accepts is bounded by one of these (or by a
/// limit next to its own type, such as <see cref="Conversations.MessageRules"/>), so that what is stored, and every
/// later read of it, stays small: four 20 MB reasons once made one ticket's GET 84 MB. The web edge refuses more with a
/// 400 naming the field, and request records carry them as [MaxLength], which the OpenAPI document shows as maxLength
/// and maxItems; docs/input-limits.md lists them all. They live here, beside the grain contracts, because some
/// contracts (a technician's schedule, the booking rules) are request bodies themselves.
/// </summary>
public static class InputLimits
{
    /// <summary>The ids the API hands out: 32 lower-case hex characters.</summary>
    public const int Id = 32;

    /// <summary>A value from a small set: a status, kind, role, priority, weekday, time zone, a day or a time of day as text.</summary>
    public const int Code = 64;

    /// <summary>A name or title: a person, company, customer, property, technician, device, document, signature.</summary>
    public const int Name = 200;

    /// <summary>A short label: a skill, certification, equipment or timeline kind, booking window or service name.</summary>
    public const int Label = 100;

    /// <summary>A postal address, on one line.</summary>
    public const int Address = 300;

    /// <summary>Free text that may run to several lines: descriptions, reasons, notes.</summary>
    public const int Text = 4_000;

    /// <summary>A link, such as a technician's photo.</summary>
    public const int Url = 2_000;

    /// <summary>An email address (RFC 5321's limit for a path).</summary>
    public const int Email = 254;

    public const int Phone = 40;

    public const int Password = 200;

    /// <summary>Skills a technician has or a job or service requires.</summary>
    public const int Skills = 50;

    /// <summary>Days in a list of closed days or days off: a year's worth.</summary>
    public const int Days = 366;

    /// <summary>
    /// The years a day or time in a request may fall in. Anything else is a typo or a probe, and staying far from the
    /// ends of DateTime keeps the date arithmetic behind a day's board or a track from overflowing.
    /// </summary>
    public const int FirstYear = 2000, LastYear = 2200;

    public static bool IsInRange(DateOnly day) => day.Year is >= FirstYear and <= LastYear;

    public static bool IsInRange(DateTimeOffset time) => time.UtcDateTime.Year is >= FirstYear and <= LastYear;

    /// <summary>The largest JSON request body any endpoint takes; uploads and position batches have their own larger limits.</summary>
    public const int JsonBodyBytes = 64 * 1024;
}

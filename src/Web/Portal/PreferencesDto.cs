using System.ComponentModel.DataAnnotations;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Web.Hosting;

namespace OrleansPortal.Web.Portal;

/// <summary>
/// Notification preferences as the portal reads and writes them; times are "HH:mm" in the named IANA time zone; the
/// language of the messages is "en" or "pt", or null for the company's default.
/// </summary>
public sealed record PreferencesDto(ChannelPreferences Email, ChannelPreferences Sms, QuietHoursDto? QuietHours, string? Language);

public sealed record QuietHoursDto(
    [property: MaxLength(InputLimits.Code)] string Start, [property: MaxLength(InputLimits.Code)] string End, [property: MaxLength(InputLimits.Code)] string TimeZone);

/// <summary>Every switch must be given: a PUT replaces the preferences, and a missing one must not silently turn into "off".</summary>
public sealed record PreferencesRequest(ChannelRequest? Email, ChannelRequest? Sms, QuietHoursDto? QuietHours, [property: MaxLength(InputLimits.Code)] string? Language = null);

public sealed record ChannelRequest(bool? Appointments, bool? OnMyWay, bool? Marketing);

public static class PreferencesMapping
{
    private static readonly string[] TimeFormats = ["HH:mm", "HH:mm:ss"];

    public static PreferencesDto AsDto(this NotificationPreferences p) => new(
        p.Email, p.Sms, p.QuietHours is { } q ? new QuietHoursDto(q.Start.ToString("HH:mm"), q.End.ToString("HH:mm"), q.TimeZone) : null, p.Language);

    /// <summary>The preferences the request describes, or the validation errors that say why it describes none.</summary>
    public static (NotificationPreferences? Preferences, RequestValidation Validation) Parse(PreferencesRequest r)
    {
        var validation = new RequestValidation();
        var email = Channel(r.Email, "email", validation);
        var sms = Channel(r.Sms, "sms", validation);
        QuietHours? quiet = null;
        if (r.QuietHours is { } q)
        {
            var startOk = TryParseTime(q.Start, out var start);
            var endOk = TryParseTime(q.End, out var end);
            validation
                .Require(startOk, "quietHours.start", "The start is a time of day such as 22:00.")
                .Require(endOk, "quietHours.end", "The end is a time of day such as 07:00.")
                .Require(!startOk || !endOk || start != end, "quietHours.end", "Quiet hours must end at another time than they start.")
                .Require(IsTimeZone(q.TimeZone), "quietHours.timeZone", "The time zone is an IANA name such as Europe/Lisbon.");
            if (validation.IsValid) quiet = new QuietHours(start, end, q.TimeZone);
        }

        validation.Require(r.Language is null or "en" or "pt", "language", "Messages are written in English (\"en\") or Portuguese (\"pt\"); leave it out for the company's default.");
        return validation.IsValid ? (new NotificationPreferences(email!, sms!, quiet, r.Language), validation) : (null, validation);
    }

    private static ChannelPreferences? Channel(ChannelRequest? channel, string field, RequestValidation validation)
    {
        if (channel is { Appointments: { } appointments, OnMyWay: { } onMyWay, Marketing: { } marketing }) return new(appointments, onMyWay, marketing);
        validation.Add(field, "Give appointments, onMyWay and marketing, each true or false.");
        return null;
    }

    private static bool TryParseTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, TimeFormats, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out time);

    private static bool IsTimeZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= InputLimits.Code && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}

using PhoneNumbers;

namespace OrleansPortal.Web.Notifications.Sms;

/// <summary>Phone numbers as people write them ("912 345 678", "+44 20 7946 0958"), read with libphonenumber into E.164.</summary>
public static class PhoneNumberText
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// The number in E.164 ("+351912345678"), or null when <paramref name="text"/> is no valid number: a number without
    /// its country code is read as one of <paramref name="region"/> (ISO 3166 two letters).
    /// </summary>
    public static string? ToE164(string? text, string region) => Formatted(text, region, PhoneNumberFormat.E164);

    /// <summary>The number as people read it, with its country code ("+351 220 000 000"), or null when it is no valid number.</summary>
    public static string? ToInternational(string? text, string region) => Formatted(text, region, PhoneNumberFormat.INTERNATIONAL);

    private static string? Formatted(string? text, string region, PhoneNumberFormat format)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            var number = Util.Parse(text, region);
            return Util.IsValidNumber(number) ? Util.Format(number, format) : null;
        }
        catch (NumberParseException)
        {
            return null; // not a number at all: too short, too long, letters
        }
    }
}

using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Notifications;

namespace OrleansPortal.Web.Notifications;

/// <summary>Comparing the addresses a message was queued for with a contact's current ones.</summary>
public static class NotificationAddresses
{
    /// <summary>The same number written two ways ("+351 912 345 678", "+351912345678"): compared digit by digit.</summary>
    public static bool SamePhone(string a, string b) => Digits(a).SequenceEqual(Digits(b));

    /// <summary>Whether <paramref name="address"/> is still the contact's on the channel (any address reaches them in-app and by push).</summary>
    public static bool Reaches(CustomerContact contact, NotificationChannel channel, string address) => channel switch
    {
        NotificationChannel.Email => string.Equals(contact.Email, address, StringComparison.OrdinalIgnoreCase),
        NotificationChannel.Sms => contact.Phone is not null && SamePhone(contact.Phone, address),
        _ => true,
    };

    private static IEnumerable<char> Digits(string phone) => phone.Where(char.IsAsciiDigit);
}

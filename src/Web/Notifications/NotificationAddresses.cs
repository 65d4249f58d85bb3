namespace OrleansPortal.Web.Notifications;

/// <summary>Comparing the addresses a message was queued for with a contact's current ones.</summary>
public static class NotificationAddresses
{
    /// <summary>The same number written two ways ("+351 912 345 678", "+351912345678"): compared digit by digit.</summary>
    public static bool SamePhone(string a, string b) => Digits(a).SequenceEqual(Digits(b));

    private static IEnumerable<char> Digits(string phone) => phone.Where(char.IsAsciiDigit);
}

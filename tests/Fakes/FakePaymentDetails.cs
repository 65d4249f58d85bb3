using System.Globalization;
using System.Numerics;

namespace OrleansPortal.Fakes;

/// <summary>
/// What a payer typed on the fake's hosted checkout page, checked as Stripe's page checks it (a card number that passes
/// the Luhn check and is one of Stripe's test cards, an expiry in the future, a CVC; an IBAN that passes its mod-97
/// check; a US routing and account number), and what charging it will do.
/// </summary>
internal sealed record FakePaymentDetails(string Type, string Number, string Last4, string? Brand, int ExpMonth, int ExpYear, string? BankCode, string? Country, string? HolderName)
{
    // Stripe's test cards that succeed; DecliningCard and AttachesButFailsCard are the fake's other two.
    private static readonly HashSet<string> SucceedingCards = new(StringComparer.Ordinal)
    {
        FakeStripe.SucceedingCard, "4000056655665556", "5555555555554444", "378282246310005",
    };

    /// <summary>Stripe's test routing number and its account number whose debit fails after processing.</summary>
    public const string TestRoutingNumber = "110000000";

    public const string FailingAccountNumber = "000111111116";

    /// <summary>The payer's details, or the message the page shows next to the form.</summary>
    public static (FakePaymentDetails? Details, string? Error) Read(Func<string, string> field, IReadOnlyCollection<string> allowedTypes)
    {
        var card = Digits(field("card_number"));
        var iban = field("iban").Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var account = Digits(field("account_number"));
        var holder = field("account_holder") is { Length: > 0 } h ? h.Trim() : null;
        var type = card.Length > 0 ? "card" : iban.Length > 0 ? "sepa_debit" : account.Length > 0 ? "us_bank_account" : null;
        if (type is null) return (null, "Enter your payment details.");
        if (!allowedTypes.Contains(type)) return (null, "This payment method is not available for this payment.");
        return type switch
        {
            "card" => ReadCard(card, field("card_expiry"), Digits(field("card_cvc")), holder),
            "sepa_debit" => ReadIban(iban, holder),
            _ => ReadBankAccount(Digits(field("routing_number")), account, holder),
        };
    }

    private static (FakePaymentDetails?, string?) ReadCard(string number, string expiry, string cvc, string? holder)
    {
        if (number.Length is < 12 or > 19 || !number.All(char.IsAsciiDigit) || !Luhn(number)) return (null, "Your card number is invalid.");
        var parts = expiry.Split('/', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var month) || month is < 1 or > 12
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            return (null, "Your card's expiration date is incomplete.");
        year = year < 100 ? 2000 + year : year;
        var now = DateTime.UtcNow;
        if (year < now.Year || (year == now.Year && month < now.Month)) return (null, "Your card's expiration year is in the past.");
        if (cvc.Length is < 3 or > 4) return (null, "Your card's security code is incomplete.");
        if (!SucceedingCards.Contains(number) && number is not (FakeStripe.DecliningCard or FakeStripe.AttachesButFailsCard))
            return (null, "Your card was declined. Your request was in test mode, but used a non test card. For a list of valid test cards, visit: https://stripe.com/docs/testing.");
        var brand = number[0] switch { '4' => "visa", '5' => "mastercard", '3' => "amex", _ => "unknown" };
        return (new FakePaymentDetails("card", number, number[^4..], brand, month, year, null, "US", holder), null);
    }

    private static (FakePaymentDetails?, string?) ReadIban(string iban, string? holder)
    {
        if (iban.Length is < 15 or > 34 || !iban.All(char.IsAsciiLetterOrDigit) || !Mod97(iban)) return (null, "Your IBAN is invalid.");
        return (new FakePaymentDetails("sepa_debit", iban, iban[^4..], null, 0, 0, iban[4..Math.Min(12, iban.Length)], iban[..2], holder), null);
    }

    private static (FakePaymentDetails?, string?) ReadBankAccount(string routing, string account, string? holder)
    {
        if (routing.Length != 9) return (null, "Your routing number is invalid.");
        if (account.Length is < 4 or > 17) return (null, "Your account number is invalid.");
        return (new FakePaymentDetails("us_bank_account", account, account[^4..], null, 0, 0, routing, "US", holder), null);
    }

    private static bool Luhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
        }

        return sum % 10 == 0;
    }

    // ISO 13616: the first four characters moved to the end, letters as 10..35, the number mod 97 is 1.
    private static bool Mod97(string iban)
    {
        var rearranged = iban[4..] + iban[..4];
        var digits = string.Concat(rearranged.Select(c => char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(CultureInfo.InvariantCulture)));
        return BigInteger.Parse(digits, CultureInfo.InvariantCulture) % 97 == 1;
    }

    private static string Digits(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c != '-'));
}

using Stripe;

namespace OrleansPortal.Web.Payments.Autopay;

/// <summary>One saved method, as much as a person needs to recognise it (never a full number: Stripe does not give one).</summary>
/// <param name="Type">card, sepa_debit or us_bank_account.</param>
/// <param name="Brand">A card's brand ("visa"); null for a bank account.</param>
/// <param name="Bank">A bank account's bank code (or the bank's name when Stripe gives it); null for a card.</param>
/// <param name="IsDefault">The method autopay charges: the one chosen, else the newest.</param>
public sealed record SavedMethodDto(string Id, string Type, string? Brand, string? Last4, int? ExpMonth, int? ExpYear, string? Bank, bool IsDefault)
{
    public static SavedMethodDto Of(PaymentMethod m, bool isDefault) => m.Type switch
    {
        "card" => new(m.Id, m.Type, m.Card?.Brand, m.Card?.Last4, (int?)m.Card?.ExpMonth, (int?)m.Card?.ExpYear, null, isDefault),
        "sepa_debit" => new(m.Id, m.Type, null, m.SepaDebit?.Last4, null, null, m.SepaDebit?.BankCode, isDefault),
        "us_bank_account" => new(m.Id, m.Type, null, m.UsBankAccount?.Last4, null, null, m.UsBankAccount?.BankName, isDefault),
        _ => new(m.Id, m.Type, null, null, null, null, null, isDefault),
    };
}

namespace OrleansPortal.Web.Payments.Autopay;

/// <summary>The customer's saved methods as Stripe holds them, newest first, and whether autopay charges the default one.</summary>
/// <param name="Enabled">Online payments are set up for the company (else nothing can be saved).</param>
public sealed record PaymentMethodsDto(bool Enabled, bool Autopay, IReadOnlyList<SavedMethodDto> Methods)
{
    public static readonly PaymentMethodsDto NotSetUp = new(false, false, []);
}

using OrleansPortal.Grains;
using OrleansPortal.Web.Hosting;

namespace OrleansPortal.Web.Payments.Office;

/// <summary>The checks every office money request shares: an amount in minor units, a request id, a reason or reference.</summary>
public static class OfficeMoneyRequests
{
    /// <summary>The largest amount the office moves at once (a billion euros in cents): above it is a typing slip.</summary>
    public const long MaxAmount = 100_000_000_000;

    /// <summary>Stripe keeps a metadata value to 500 characters, and the reason travels there with a refund.</summary>
    public const int MaxReason = 500;

    public const int MaxReference = InputLimits.Label;

    public static RequestValidation Common(long? amount, string? requestId, out Guid id)
    {
        var valid = Guid.TryParse(requestId, out id);
        return new RequestValidation()
            .Require(amount is > 0 and <= MaxAmount, "amount", "An amount of more than zero, in minor units (cents), is required.")
            .Require(valid && id != Guid.Empty, "requestId", "A request id (a GUID the page makes once per action) is required.");
    }

    /// <summary>The ledger's source of an office action: the same request recorded twice is recorded once.</summary>
    public static string Source(Guid requestId) => $"office:{requestId:D}";
}

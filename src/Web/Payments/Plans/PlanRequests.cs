using System.ComponentModel.DataAnnotations;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Payments;
using OrleansPortal.Grains.Payments.Plans;
using OrleansPortal.Web.Hosting;

namespace OrleansPortal.Web.Payments.Plans;

/// <summary>
/// A plan as the office defines it. Price in minor units (2500 is €25.00) per period; without a currency, a new plan is
/// in the company's and a changed one keeps its own.
/// </summary>
public sealed record PlanRequest(
    [property: MaxLength(InputLimits.Name)] string? Name,
    [property: MaxLength(InputLimits.Text)] string? Description,
    long? Price,
    [property: MaxLength(3)] string? Currency,
    [property: MaxLength(10)] string? Interval,
    int? IntervalCount,
    int? VisitsPerPeriod,
    int? VisitMinutes,
    [property: MaxLength(20)] IReadOnlyList<string>? Skills)
{
    public const long MaxPrice = 100_000_000;

    /// <summary>
    /// The terms in <paramref name="currency"/> (the request's, upper case, or the one a plan takes without it), or null
    /// with the problems in <paramref name="validation"/>.
    /// </summary>
    public NewMaintenancePlan? Parse(RequestValidation validation, string currency)
    {
        var interval = Enum.TryParse<PlanInterval>(Interval, ignoreCase: true, out var parsed) ? parsed : (PlanInterval?)null;
        validation
            .Text(Name, "name", InputLimits.Name, $"A name of 1 to {InputLimits.Name} characters is required.")
            .Require(Description is null || Description.Length <= InputLimits.Text, "description", "The description is too long.")
            .Require(Price is > 0 and <= MaxPrice, "price", $"The price per period, in minor units (cents), must be 1 to {MaxPrice:N0}.")
            .Require(Currency is null || Currencies.IsKnown(Currency), "currency", Currencies.UnknownMessage)
            .Require(interval is not null, "interval", "The interval is Month or Year.")
            .Require(IntervalCount is >= 1 and <= 12, "intervalCount", "A period is 1 to 12 intervals.")
            .Require(VisitsPerPeriod is >= 1 and <= 52, "visitsPerPeriod", "A period includes 1 to 52 visits.")
            .Require(VisitMinutes is >= 15 and <= 600, "visitMinutes", "A visit takes 15 to 600 minutes.")
            .Require(Skills is null || Skills.All(s => !string.IsNullOrWhiteSpace(s) && s.Length <= InputLimits.Name), "skills", "Skills are short names.");
        if (!validation.IsValid) return null;
        return new NewMaintenancePlan(Name!.Trim(), string.IsNullOrWhiteSpace(Description) ? null : Description.Trim(), Price!.Value, currency,
            interval!.Value, IntervalCount!.Value, VisitsPerPeriod!.Value, VisitMinutes!.Value, [.. (Skills ?? []).Select(s => s.Trim())]);
    }
}

/// <summary>Enrolling a customer's property in a plan.</summary>
public sealed record EnrolRequest([property: MaxLength(InputLimits.Id)] string? PlanId, [property: MaxLength(InputLimits.Id)] string? PropertyId);

/// <summary>Pausing a plan: until <paramref name="ResumesAt"/> (a day, yyyy-MM-dd, in the company's zone), or until resumed.</summary>
public sealed record PauseRequest([property: MaxLength(20)] string? ResumesAt);

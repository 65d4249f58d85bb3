using System.ComponentModel.DataAnnotations;

namespace OrleansPortal.Web.Admin;

/// <summary>The company's currency: an active ISO 4217 code ("EUR", "usd" is read as USD).</summary>
public sealed record CompanyCurrencyRequest([property: MaxLength(3)] string? Currency);

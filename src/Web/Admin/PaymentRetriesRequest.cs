using System.ComponentModel.DataAnnotations;
using OrleansPortal.Grains.Payments.Dunning;

namespace OrleansPortal.Web.Admin;

/// <summary>The days after a payment's first failure on which it is retried, for example [3, 5, 7].</summary>
/// <param name="Days">At most <see cref="RetrySchedule.MaxRetries"/> days; a longer list is refused before it is read.</param>
public sealed record PaymentRetriesRequest([property: MaxLength(RetrySchedule.MaxRetries)] int[]? Days);

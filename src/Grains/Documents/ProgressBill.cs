using Orleans;

namespace OrleansPortal.Grains.Documents;

/// <summary>
/// A progress invoice the office asks for against an approved estimate: a share of the estimate's total
/// (<see cref="Rate"/>, basis points) or an amount in minor units, issued as invoice <see cref="InvoiceId"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("op.ProgressBill")]
public sealed record ProgressBill(string InvoiceId, int? Rate, long? Amount, DateOnly DueDate, string IssuedBy);

namespace OrleansPortal.Web.Admin;

/// <summary>The days after a payment's first failure on which it is retried, for example [3, 5, 7].</summary>
public sealed record PaymentRetriesRequest(int[]? Days);

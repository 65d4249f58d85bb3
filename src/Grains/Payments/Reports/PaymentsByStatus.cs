using OrleansPortal.Grains.Payments.Records;

namespace OrleansPortal.Grains.Payments.Reports;

/// <summary>
/// Payment attempts created in the period, in one currency, by the status the provider last reported (every status
/// present, zeros included). <see cref="SuccessRate"/> is succeeded / (succeeded + failed): a canceled attempt (the
/// customer left, or the office called it off) is not a failure, and a processing one is not decided yet, so neither
/// counts; null when no attempt was decided.
/// </summary>
public sealed record PaymentsByStatus(IReadOnlyList<StatusFigure> Statuses, double? SuccessRate);

/// <summary>How many attempts have a status and how much they were for.</summary>
public sealed record StatusFigure(PaymentStatus Status, int Count, long Amount);

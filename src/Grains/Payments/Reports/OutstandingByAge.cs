namespace OrleansPortal.Grains.Payments.Reports;

/// <summary>
/// What customers owe in one currency at the end of the report's day: <see cref="Total"/> over <see cref="Count"/>
/// invoices, <see cref="Overdue"/> the part past its due date (d &gt;= 1, so an invoice due today is not overdue yet),
/// and the same split by age (every bucket present, in order, zeros included).
/// </summary>
public sealed record OutstandingByAge(long Total, int Count, long Overdue, IReadOnlyList<AgeFigure> Buckets);

/// <summary>The invoices of one age bucket and what they owe.</summary>
public sealed record AgeFigure(AgeBucket Bucket, int Count, long Amount);

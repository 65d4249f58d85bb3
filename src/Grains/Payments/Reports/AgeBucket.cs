namespace OrleansPortal.Grains.Payments.Reports;

/// <summary>
/// How long an amount has been owed past its due date, in whole days as of the report's day (d = as-of day - due date):
/// not yet due d &lt; 0; 0-30 from the due date itself (d = 0) to 30; 31-60; 61-90; over 90 from d = 91.
/// </summary>
public enum AgeBucket
{
    NotYetDue,
    Days0To30,
    Days31To60,
    Days61To90,
    Over90,
}

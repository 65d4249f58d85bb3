using Orleans;

namespace OrleansPortal.Grains.Notifications;

/// <summary>
/// The moments a customer hears about. Each has its own templates (per channel and language) and its own switch per
/// company and channel. Stored by name in templates and the outbox, so members may be added but never renamed.
/// </summary>
[GenerateSerializer, Alias("op.NotificationTrigger")]
public enum NotificationTrigger
{
    /// <summary>A visit was booked with an arrival window.</summary>
    BookingConfirmed,

    /// <summary>A booked visit's window or technician changed.</summary>
    BookingChanged,

    /// <summary>Some hours before the window (24 h and 2 h by default).</summary>
    Reminder,

    TechnicianAssigned,

    /// <summary>The technician set off; carries the tracking link. Urgent: quiet hours do not hold it.</summary>
    OnMyWay,

    /// <summary>Within 150 m of the job, or an ETA under 5 minutes.</summary>
    Arriving,

    /// <summary>The ETA left the window by more than the company's tolerance.</summary>
    Delayed,

    /// <summary>The job is done; carries the report link.</summary>
    Completed,

    /// <summary>Some hours after completion: the visit's satisfaction survey (carries its link).</summary>
    ReviewRequest,

    EstimateReady,

    InvoiceIssued,

    PaymentReceipt,

    PaymentReminder,

    /// <summary>Written by the team in the composer (free text or a template).</summary>
    Message,

    /// <summary>A support case was opened: its number, to the contact who opened it.</summary>
    CaseAcknowledged,

    /// <summary>The team answered a support case: the answer, to the contact who opened it.</summary>
    CaseReplied,

    /// <summary>The company's NPS survey, on its schedule: how likely the customer is to recommend it.</summary>
    NpsSurvey,
}

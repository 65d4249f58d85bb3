namespace Orleans;

/// <summary>A handle on a registered reminder.</summary>
public interface IGrainReminder
{
    string ReminderName { get; }
}

internal sealed record GrainReminder(string ReminderName, string ETag) : IGrainReminder;

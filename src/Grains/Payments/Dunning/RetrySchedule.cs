namespace OrleansPortal.Grains.Payments.Dunning;

/// <summary>
/// A company's schedule for retrying a failed payment: the days after the first failure on which it is tried again,
/// increasing, 1 to 30 each, at most <see cref="MaxRetries"/> of them. After the last retry fails the case is given up
/// (a plan is paused and the office alerted).
/// </summary>
public static class RetrySchedule
{
    public const int MaxRetries = 5;

    public const int MaxDay = 30;

    public static IReadOnlyList<int> Default { get; } = [3, 5, 7];

    /// <summary>What is wrong with <paramref name="days"/>, or null when it is a schedule.</summary>
    public static string? Problem(IReadOnlyList<int>? days)
    {
        if (days is null || days.Count == 0) return "Give at least one retry day.";
        if (days.Count > MaxRetries) return $"At most {MaxRetries} retries.";
        if (days.Any(d => d is < 1 or > MaxDay)) return $"Each retry is 1 to {MaxDay} days after the first failure.";
        for (var i = 1; i < days.Count; i++)
        {
            if (days[i] <= days[i - 1]) return "The days must increase (for example 3, 5, 7).";
        }

        return null;
    }
}

using OrleansPortal.Grains.Dispatch.Recurring;

namespace OrleansPortal.Grains.Tests.Dispatch.Recurring;

public sealed class RecurrenceRuleTests
{
    private static readonly TimeOnly Nine = new(9, 0);
    private static readonly TimeOnly Noon = new(12, 0);

    private static RecurrenceRule Rule(int interval, DayOfWeek[] days, string start, string zone = "Europe/Lisbon", string? end = null, int? count = null,
        TimeOnly? from = null, TimeOnly? to = null) =>
        new(interval, days, from ?? Nine, to ?? Noon, zone, DateOnly.Parse(start), end is null ? null : DateOnly.Parse(end), count);

    private static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant);

    private static string[] Dates(RecurrenceRule rule, string from, string to) =>
        [.. rule.Occurrences(At(from), At(to)).Select(o => o.Date.ToString("yyyy-MM-dd"))];

    [Fact]
    public void EveryTwoWeeks_OnSeveralWeekdays_KeepsTheDaysOfOneWeekTogether()
    {
        var rule = Rule(2, [DayOfWeek.Thursday, DayOfWeek.Monday], "2026-01-05");

        Assert.Equal(["2026-01-05", "2026-01-08", "2026-01-19", "2026-01-22", "2026-02-02"], Dates(rule, "2026-01-01T00:00Z", "2026-02-05T00:00Z"));
    }

    [Fact]
    public void AStartDateMidWeek_SkipsThatWeeksEarlierDays()
    {
        var rule = Rule(1, [DayOfWeek.Monday, DayOfWeek.Friday], "2026-01-07");

        Assert.Equal(["2026-01-09", "2026-01-12", "2026-01-16"], Dates(rule, "2026-01-01T00:00Z", "2026-01-17T00:00Z"));
    }

    [Fact]
    public void TheEndDate_IsTheLastDayThatCanHaveAnOccurrence()
    {
        var rule = Rule(1, [DayOfWeek.Monday], "2026-01-05", end: "2026-01-19");

        Assert.Equal(["2026-01-05", "2026-01-12", "2026-01-19"], Dates(rule, "2026-01-01T00:00Z", "2027-01-01T00:00Z"));
    }

    [Fact]
    public void ACount_IsCountedFromTheStartDate_EvenForOccurrencesBeforeTheRangeAsked()
    {
        var rule = Rule(2, [DayOfWeek.Monday, DayOfWeek.Thursday], "2026-01-05", count: 3);

        Assert.Equal(["2026-01-05", "2026-01-08", "2026-01-19"], Dates(rule, "2026-01-01T00:00Z", "2027-01-01T00:00Z"));
        Assert.Equal(["2026-01-19"], Dates(rule, "2026-01-10T00:00Z", "2027-01-01T00:00Z"));
    }

    [Fact]
    public void AnOccurrenceWhoseWindowIsUnderWay_IsIncluded_OneThatEnded_IsNot()
    {
        var rule = Rule(1, [DayOfWeek.Monday, DayOfWeek.Tuesday], "2026-01-05", zone: "UTC");

        Assert.Equal(["2026-01-12", "2026-01-13"], Dates(rule, "2026-01-12T11:00Z", "2026-01-13T10:00Z"));
        Assert.Equal(["2026-01-13"], Dates(rule, "2026-01-12T12:00Z", "2026-01-14T00:00Z"));
    }

    [Fact]
    public void ARangeLongAfterTheStart_GivesWhatTheWholeSeriesHasInThatRange()
    {
        var rule = Rule(3, [DayOfWeek.Tuesday, DayOfWeek.Saturday], "2020-02-12", zone: "America/New_York");
        var from = At("2026-03-01T00:00Z");
        var to = At("2026-06-01T00:00Z");

        var expected = rule.Occurrences(At("2020-01-01T00:00Z"), to).Where(o => o.Window.End > from).ToList();

        Assert.Equal(expected, rule.Occurrences(from, to).ToList());
        Assert.All(expected.Zip(expected.Skip(2)), pair => Assert.Equal(21, pair.Second.Date.DayNumber - pair.First.Date.DayNumber));
    }

    [Fact]
    public void Lisbon_KeepsNineOClockLocal_AcrossSpringAndAutumnChanges()
    {
        var rule = Rule(1, [DayOfWeek.Monday], "2026-03-16");

        var spring = rule.Occurrences(At("2026-03-20T00:00Z"), At("2026-04-01T00:00Z")).ToList();
        var autumn = rule.Occurrences(At("2026-10-18T00:00Z"), At("2026-10-28T00:00Z")).ToList();

        Assert.Equal([At("2026-03-23T09:00Z"), At("2026-03-30T08:00Z")], spring.Select(o => o.Window.Start));
        Assert.Equal([At("2026-03-23T12:00Z"), At("2026-03-30T11:00Z")], spring.Select(o => o.Window.End));
        Assert.Equal(TimeSpan.FromHours(1), spring[1].Window.Start.Offset);
        Assert.Equal([At("2026-10-19T08:00Z"), At("2026-10-26T09:00Z")], autumn.Select(o => o.Window.Start));
    }

    [Fact]
    public void NewYork_KeepsNineOClockLocal_AcrossTheSpringChange()
    {
        var rule = Rule(1, [DayOfWeek.Wednesday], "2026-03-01", zone: "America/New_York");

        var starts = rule.Occurrences(At("2026-03-01T00:00Z"), At("2026-03-12T00:00Z")).Select(o => o.Window.Start);

        Assert.Equal([At("2026-03-04T14:00Z"), At("2026-03-11T13:00Z")], starts);
    }

    [Fact]
    public void AStartInTheSpringForwardGap_MovesOnByTheGap()
    {
        var newYork = Rule(1, [DayOfWeek.Sunday], "2026-03-08", zone: "America/New_York", from: new TimeOnly(2, 30), to: new TimeOnly(4, 0));
        var lisbon = Rule(1, [DayOfWeek.Sunday], "2026-03-29", from: new TimeOnly(1, 30), to: new TimeOnly(3, 0));

        var ny = newYork.Occurrences(At("2026-03-08T00:00Z"), At("2026-03-09T00:00Z")).Single().Window;
        var lx = lisbon.Occurrences(At("2026-03-29T00:00Z"), At("2026-03-30T00:00Z")).Single().Window;

        Assert.Equal((At("2026-03-08T07:30Z"), At("2026-03-08T08:00Z")), (ny.Start, ny.End)); // 03:30-04:00 EDT
        Assert.Equal((At("2026-03-29T01:30Z"), At("2026-03-29T02:00Z")), (lx.Start, lx.End)); // 02:30-03:00 WEST
    }

    [Fact]
    public void AStartInTheFallBackOverlap_IsTheFirstOfTheTwo()
    {
        var rule = Rule(1, [DayOfWeek.Sunday], "2026-11-01", zone: "America/New_York", from: new TimeOnly(1, 30), to: new TimeOnly(3, 0));

        var window = rule.Occurrences(At("2026-11-01T00:00Z"), At("2026-11-02T00:00Z")).Single().Window;

        Assert.Equal(At("2026-11-01T05:30Z"), window.Start); // 01:30 EDT, before the clocks go back
        Assert.Equal(At("2026-11-01T08:00Z"), window.End); // 03:00 EST
    }

    public static TheoryData<RecurrenceRule, string> InvalidRules => new()
    {
        { Rule(0, [DayOfWeek.Monday], "2026-01-05"), "intervalWeeks" },
        { Rule(53, [DayOfWeek.Monday], "2026-01-05"), "intervalWeeks" },
        { Rule(1, [], "2026-01-05"), "weekdays" },
        { Rule(1, [DayOfWeek.Monday, DayOfWeek.Monday], "2026-01-05"), "weekdays" },
        { Rule(1, [(DayOfWeek)7], "2026-01-05"), "weekdays" },
        { Rule(1, [DayOfWeek.Monday], "2026-01-05", from: Noon, to: Nine), "windowEnd" },
        { Rule(1, [DayOfWeek.Monday], "2026-01-05", from: Nine, to: Nine), "windowEnd" },
        { Rule(1, [DayOfWeek.Monday], "2026-01-05", zone: "Europe/Atlantis"), "timeZone" },
        { Rule(1, [DayOfWeek.Monday], "2026-01-05", zone: ""), "timeZone" },
        { Rule(1, [DayOfWeek.Monday], "2026-01-05", zone: "../../etc/passwd"), "timeZone" },
        { Rule(1, [DayOfWeek.Monday], "1899-12-31"), "startDate" },
        { Rule(1, [DayOfWeek.Monday], "2026-01-05", end: "2026-01-04"), "endDate" },
        { Rule(1, [DayOfWeek.Monday], "2026-01-05", count: 0), "count" },
        { Rule(1, [DayOfWeek.Monday], "2026-01-05", count: RecurrenceRule.MaxCount + 1), "count" },
        { Rule(1, [DayOfWeek.Monday], "2026-01-05", end: "2026-02-01", count: 3), "count" },
    };

    [Theory]
    [MemberData(nameof(InvalidRules))]
    public void InvalidRule_IsRejected_NamingTheField(RecurrenceRule rule, string field)
    {
        Assert.Contains(field, rule.Problems().Select(p => p.Field));
        Assert.Throws<ArgumentException>(() => rule.Occurrences(At("2026-01-01T00:00Z"), At("2026-02-01T00:00Z")));
    }

    [Fact]
    public void AValidRule_HasNoProblems()
    {
        Assert.Empty(Rule(52, [DayOfWeek.Sunday, DayOfWeek.Saturday], "2026-01-05", zone: "America/New_York", count: RecurrenceRule.MaxCount).Problems());
    }
}

using OrleansPortal.Grains.Support.Cases;
using OrleansPortal.Grains.Support.Routing;

namespace OrleansPortal.Grains.Tests.Support.Routing;

/// <summary>Who takes a new case: skills first, then the fewest cases in hand, then whoever got one longest ago.</summary>
public sealed class SupportRoutingTests
{
    private static readonly string[] Team = ["ana@acme.test", "rui@acme.test", "eva@acme.test"];
    private static readonly Dictionary<string, int> NoLoad = [];
    private static readonly Dictionary<string, long> NoneYet = [];

    [Fact]
    public void Off_AssignsNobody()
    {
        Assert.Null(SupportRouting.Choose(CaseCategory.Billing, Team, SupportRoutingSettings.Off, NoLoad, NoneYet));
    }

    [Fact]
    public void ASpecialist_TakesTheirCategory_AndGeneralistsTheRest()
    {
        var settings = new SupportRoutingSettings(true, [Agent("Rui@Acme.test", CaseCategory.Billing), Agent("eva@acme.test", CaseCategory.Billing, CaseCategory.Scheduling)]);

        Assert.Equal("rui@acme.test", SupportRouting.Choose(CaseCategory.Billing, Team, settings, new Dictionary<string, int> { ["eva@acme.test"] = 1 }, NoneYet));
        Assert.Equal("eva@acme.test", SupportRouting.Choose(CaseCategory.Scheduling, Team, settings, new Dictionary<string, int> { ["eva@acme.test"] = 9 }, NoneYet));
        Assert.Equal("ana@acme.test", SupportRouting.Choose(CaseCategory.Equipment, Team, settings, NoLoad, NoneYet)); // nobody names it: the generalist
    }

    [Fact]
    public void TheFewestCasesInHand_Win_ThenRoundRobin()
    {
        var settings = new SupportRoutingSettings(true, []);
        var load = new Dictionary<string, int> { ["ana@acme.test"] = 3, ["rui@acme.test"] = 1, ["eva@acme.test"] = 1 };

        Assert.Equal("rui@acme.test", SupportRouting.Choose(CaseCategory.Question, Team, settings, load, NoneYet)); // tie of 1: the one who joined first
        Assert.Equal("eva@acme.test", SupportRouting.Choose(CaseCategory.Question, Team, settings, load, new Dictionary<string, long> { ["rui@acme.test"] = 7 }));
        Assert.Equal("rui@acme.test", SupportRouting.Choose(CaseCategory.Question, Team, settings, load, new Dictionary<string, long> { ["rui@acme.test"] = 7, ["eva@acme.test"] = 8 }));
    }

    [Fact]
    public void AnAgentAway_GetsNothing_AndNobodyFittingLeavesTheCaseUnassigned()
    {
        var away = new SupportRoutingSettings(true, [new AgentRouting("ana@acme.test", [], TakesCases: false), Agent("rui@acme.test", CaseCategory.Billing), Agent("eva@acme.test", CaseCategory.Billing)]);

        Assert.Equal("rui@acme.test", SupportRouting.Choose(CaseCategory.Billing, Team, away, NoLoad, NoneYet));
        Assert.Null(SupportRouting.Choose(CaseCategory.Equipment, Team, away, NoLoad, NoneYet)); // the one generalist is away
        var gone = new SupportRoutingSettings(true, [Agent("someone.who.left@acme.test", CaseCategory.Billing)]);
        Assert.Equal("ana@acme.test", SupportRouting.Choose(CaseCategory.Billing, Team, gone, NoLoad, NoneYet)); // routing names only the team
    }

    private static AgentRouting Agent(string email, params CaseCategory[] categories) => new(email, categories, TakesCases: true);
}

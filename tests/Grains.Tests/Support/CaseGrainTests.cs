using Microsoft.Extensions.DependencyInjection;
using OrleansPortal.Grains.Conversations;
using OrleansPortal.Grains.Support.Cases;
using OrleansPortal.Grains.Tests.Infrastructure;

namespace OrleansPortal.Grains.Tests.Support;

/// <summary>A support case's life in its grain: numbered when opened, messages both ways, notes the customer never sees, and the status rules.</summary>
public sealed class CaseGrainTests(GrainCluster cluster) : IClassFixture<GrainCluster>
{
    private static readonly MessageAuthor Maria = MessageAuthor.Customer("contact-maria", "Maria Silva");
    private static readonly MessageAuthor Ana = MessageAuthor.Team("ana@acme.test", "Ana");

    private readonly string _tenant = "tenant-" + TenantKeys.NewId();

    private ISupportCaseIndex Index => cluster.Cluster.Silos[0].ServiceProvider.GetRequiredService<ISupportCaseIndex>();

    [Fact]
    public async Task OpenedCases_AreNumberedInOrder_PerCompany_AndOpeningAgainTakesNoSecondNumber()
    {
        var (first, second) = (Case(), Case());
        var elsewhere = cluster.Client.GetGrain<ICaseGrain>(TenantKeys.For("tenant-" + TenantKeys.NewId(), TenantKeys.NewId()));

        var a = await first.OpenAsync(Leak());
        var again = await first.OpenAsync(Leak());
        var b = await second.OpenAsync(Leak() with { Subject = "  Second  " });
        var other = await elsewhere.OpenAsync(Leak());

        Assert.Equal((1L, 1L, 2L, 1L), (a.Number, again.Number, b.Number, other.Number));
        Assert.Equal(("C-00001", CaseStatus.New, "Second"), (a.DisplayNumber, a.Status, b.Subject));
        var message = Assert.Single(a.Entries);
        Assert.Equal((CaseEntryKind.Message, "The valve box is flooded.", "contact-maria"), (message.Kind, message.Text, message.Author.ContactId));
        await Assert.ThrowsAsync<ConflictException>(() => first.OpenAsync(Leak() with { CustomerId = "customer-other" }));
        Assert.Equal([1L, 2L], (await Index.QueueAsync(_tenant, new SupportCaseQuery(), 10)).Select(r => r.Number).Order());
    }

    [Fact]
    public async Task TheTeamsReply_IsTheFirstResponse_AndWaitsOnTheCustomer_WhoseReplyOpensItAgain()
    {
        var grain = Case();
        await grain.OpenAsync(Leak());

        var answered = await grain.ReplyAsync(new CaseReply(Ana, "We will come on Tuesday.", []));
        var back = await grain.ReplyAsync(new CaseReply(Maria, "Tuesday works.", []));
        var resolved = await grain.ReplyAsync(new CaseReply(Ana, "Fixed on Tuesday.", [], CaseStatus.Resolved));
        var reopened = await grain.ReplyAsync(new CaseReply(Maria, "It leaks again.", []));

        Assert.Equal((CaseStatus.WaitingOnCustomer, CaseStatus.Open, CaseStatus.Resolved, CaseStatus.Open), (answered.Status, back.Status, resolved.Status, reopened.Status));
        Assert.NotNull(answered.FirstResponseAt);
        Assert.Equal(answered.FirstResponseAt, reopened.FirstResponseAt);
        Assert.NotNull(resolved.ResolvedAt);
        Assert.Null(reopened.ResolvedAt);
        var row = Assert.Single(await Index.QueueAsync(_tenant, new SupportCaseQuery(), 10));
        Assert.Equal((CaseStatus.Open, answered.FirstResponseAt), (row.Status, row.FirstResponseAt));
    }

    [Fact]
    public async Task Notes_AndChanges_AreTheTeams_TheCustomerSeesMessagesOnly()
    {
        var grain = Case();
        await grain.OpenAsync(Leak());

        await grain.AddNoteAsync(Ana, "Probably the valve we fitted in May.");
        await grain.UpdateAsync(new CaseUpdate(Priority: CasePriority.High, AssigneeEmail: "ana@acme.test"), Ana);
        await grain.ReplyAsync(new CaseReply(Ana, "We are on it.", []));

        var team = await grain.GetAsync(ConversationReader.Team);
        var customer = await grain.GetAsync(ConversationReader.Contact("contact-maria"));
        Assert.Equal([CaseEntryKind.Message, CaseEntryKind.Note, CaseEntryKind.Change, CaseEntryKind.Change, CaseEntryKind.Change, CaseEntryKind.Message, CaseEntryKind.Change],
            team.Entries.Select(e => e.Kind));
        Assert.Equal(["priority Normal High", "assignee  ana@acme.test", "status New Open", "status Open WaitingOnCustomer"],
            team.Entries.Where(e => e.Kind == CaseEntryKind.Change).Select(e => $"{e.Field} {e.From} {e.To}"));
        Assert.Equal(["The valve box is flooded.", "We are on it."], customer.Entries.Select(e => e.Text));
        Assert.Equal(("ana@acme.test", null), (team.AssigneeEmail, customer.AssigneeEmail));
        await Assert.ThrowsAsync<ArgumentException>(() => grain.AddNoteAsync(Maria, "A customer's note"));
        await Assert.ThrowsAsync<ArgumentException>(() => grain.UpdateAsync(new CaseUpdate(Status: CaseStatus.Resolved), Maria));
        await Assert.ThrowsAsync<ArgumentException>(() => grain.ReplyAsync(new CaseReply(Maria, "Close it", [], CaseStatus.Resolved)));
    }

    [Fact]
    public async Task OnlyAResolvedCase_Closes_AndAClosedCaseTakesNothingMore()
    {
        var grain = Case();
        await grain.OpenAsync(Leak());

        await Assert.ThrowsAsync<ConflictException>(() => grain.UpdateAsync(new CaseUpdate(Status: CaseStatus.Closed), Ana));
        await grain.UpdateAsync(new CaseUpdate(Status: CaseStatus.Resolved), Ana);
        await Assert.ThrowsAsync<ConflictException>(() => grain.UpdateAsync(new CaseUpdate(Status: CaseStatus.New), Ana)); // new is only where a case starts
        var closed = await grain.UpdateAsync(new CaseUpdate(Status: CaseStatus.Closed), Ana);

        Assert.Equal(CaseStatus.Closed, closed.Status);
        await Assert.ThrowsAsync<ConflictException>(() => grain.ReplyAsync(new CaseReply(Maria, "One more thing", [])));
        await Assert.ThrowsAsync<ConflictException>(() => grain.UpdateAsync(new CaseUpdate(Priority: CasePriority.Low), Ana));
        Assert.Equal(closed.Entries.Count, (await grain.GetAsync(ConversationReader.Team)).Entries.Count);
    }

    [Fact]
    public async Task WhatBreaksTheRules_IsRefused_AndACaseNeverOpened_IsNotFound()
    {
        var grain = Case();
        await Assert.ThrowsAsync<NotFoundException>(() => grain.GetAsync(ConversationReader.Team));
        await Assert.ThrowsAsync<NotFoundException>(() => grain.ReplyAsync(new CaseReply(Maria, "Hello?", [])));
        await Assert.ThrowsAsync<ArgumentException>(() => grain.OpenAsync(Leak() with { Subject = "  " }));
        await Assert.ThrowsAsync<ArgumentException>(() => grain.OpenAsync(Leak() with { Description = new string('x', CaseRules.MaxTextLength + 1) }));
        await Assert.ThrowsAsync<NotFoundException>(() => grain.GetAsync(ConversationReader.Team)); // refused opens took nothing
        Assert.Empty(await Index.QueueAsync(_tenant, new SupportCaseQuery(), 10));
    }

    [Fact]
    public async Task ADuplicate_MergedIntoTheFirstCase_GivesItItsMessagesOnce_AndCloses()
    {
        var (first, duplicate) = (Case(), Case());
        var target = await first.OpenAsync(Leak());
        await duplicate.OpenAsync(Leak() with { Subject = "Flooded valve box", Description = "Second mail about the flood." });
        await duplicate.ReplyAsync(new CaseReply(Maria, "And the lawn too.", []));
        var targetId = TenantKeys.Split(first.GetPrimaryKeyString()).LocalId;

        var merged = await duplicate.MergeIntoAsync(targetId, Ana);
        var into = await first.GetAsync(ConversationReader.Team);
        await duplicate.GetAsync(ConversationReader.Team);
        // Again (as after a failure before the duplicate closed): the target takes nothing twice; the closed duplicate refuses.
        var again = await first.AbsorbAsync(await duplicate.GetAsync(ConversationReader.Team), Ana);

        Assert.Equal(CaseStatus.Closed, merged.Status);
        Assert.Contains(merged.Entries, e => e is { Field: "merged", To: "C-00001" });
        Assert.Equal(["The valve box is flooded.", "Second mail about the flood.", "And the lawn too."], into.Entries.Where(e => e.Kind == CaseEntryKind.Message).Select(e => e.Text));
        Assert.Contains(into.Entries, e => e is { Field: "merged", From: "C-00002" });
        Assert.Equal(into.Entries.Count, again.Entries.Count);
        await Assert.ThrowsAsync<ConflictException>(() => duplicate.MergeIntoAsync(targetId, Ana));
        var other = Case();
        await other.OpenAsync(Leak() with { CustomerId = "customer-2" });
        await Assert.ThrowsAsync<ConflictException>(() => other.MergeIntoAsync(targetId, Ana));
        await Assert.ThrowsAsync<ConflictException>(() => first.MergeIntoAsync(targetId, Ana));
        Assert.Equal(CaseStatus.New, (await other.GetAsync(ConversationReader.Team)).Status);
    }

    private ICaseGrain Case() => cluster.Client.GetGrain<ICaseGrain>(TenantKeys.For(_tenant, TenantKeys.NewId()));

    private static NewCase Leak() =>
        new("customer-1", Maria, CaseChannel.Portal, CaseCategory.Quality, CasePriority.Normal, "Water in the valve box", "The valve box is flooded.", []);
}

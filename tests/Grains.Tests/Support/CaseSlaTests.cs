using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using OrleansPortal.Grains.Conversations;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Grains.Support.Cases;
using OrleansPortal.Grains.Support.Sla;
using OrleansPortal.Grains.Tests.Infrastructure;

namespace OrleansPortal.Grains.Tests.Support;

/// <summary>
/// A case's SLA on simulated time: due times in business hours (weekdays 09:00 to 18:00 UTC here), the reminder that
/// checks them, escalation at risk and at breach, pauses while waiting on the customer. Each test sets the clock to a
/// Monday 10:00 and gives its own company a Normal target of 60 business minutes to answer and 600 to resolve.
/// </summary>
public sealed class CaseSlaTests(GrainCluster cluster) : IClassFixture<GrainCluster>
{
    private static readonly DateTimeOffset Monday10 = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);
    private static readonly MessageAuthor Maria = MessageAuthor.Customer("contact-maria", "Maria Silva");
    private static readonly MessageAuthor Ana = MessageAuthor.Team("ana@acme.test", "Ana");

    private readonly string _tenant = "tenant-" + TenantKeys.NewId();

    private static SupportSlaSettings Settings(int firstResponse = 60, int resolution = 600) => SupportSlaSettings.Defaults with
    {
        Targets = [new SlaTarget(CasePriority.Normal, firstResponse, resolution), new SlaTarget(CasePriority.High, 30, 300)],
    };

    private async Task<ICaseGrain> OpenAsync()
    {
        cluster.Time.Set(Monday10);
        await cluster.Client.GetGrain<ISupportSlaGrain>(_tenant).SetAsync(Settings());
        var grain = cluster.Client.GetGrain<ICaseGrain>(TenantKeys.For(_tenant, TenantKeys.NewId()));
        await grain.OpenAsync(new NewCase("customer-silva", Maria, CaseChannel.Portal, CaseCategory.Equipment, CasePriority.Normal,
            "Water in the valve box", "The valve box is flooded.", []));
        return grain;
    }

    private Task<ReminderEntry?> StoredReminderAsync(ICaseGrain grain) =>
        cluster.Cluster.Silos[0].ServiceProvider.GetRequiredService<IReminderTable>().ReadRow(grain.GetGrainId(), CaseGrain.SlaReminder)!;

    private async Task<CaseSnapshot> TickAsync(ICaseGrain grain, DateTimeOffset at)
    {
        cluster.Time.Set(at);
        await grain.ReceiveReminder(CaseGrain.SlaReminder, default);
        return await grain.GetAsync(ConversationReader.Team);
    }

    private static string[] SlaHistory(CaseSnapshot c) =>
        [.. c.Entries.Where(e => e.Kind == CaseEntryKind.Change && e.Author == CaseGrain.SlaAuthor).Select(e => $"{e.Field} {e.From} {e.To}")];

    [Fact]
    public async Task ANewCase_IsDueInBusinessTime_AndItsReminderWaitsForTheAtRiskMoment()
    {
        var grain = await OpenAsync();

        var opened = await grain.GetAsync(ConversationReader.Team);
        var customer = await grain.GetAsync(ConversationReader.Contact("contact-maria"));

        Assert.Equal((SlaState.OnTrack, Monday10.AddHours(1)), (opened.FirstResponseSla!.State, opened.FirstResponseSla.Due));
        Assert.Equal(new DateTimeOffset(2026, 1, 6, 11, 0, 0, TimeSpan.Zero), opened.ResolutionSla!.Due); // 8 h on Monday, 2 on Tuesday
        Assert.Equal((Monday10.AddHours(1), (SlaTimer?)null, (SlaTimer?)null), (customer.ExpectedResponseBy, customer.FirstResponseSla, customer.ResolutionSla));
        var reminder = await StoredReminderAsync(grain);
        Assert.NotNull(reminder); // due 48 min from now, at 80 % of the first-response target
        Assert.InRange(reminder.StartAt - DateTime.UtcNow, TimeSpan.FromMinutes(40), TimeSpan.FromMinutes(49));
    }

    [Fact]
    public async Task AtRisk_RaisesThePriorityOnce_InTheHistory_AndAlertsTheDispatchers_ThenTheBreachIsRecorded()
    {
        var grain = await OpenAsync();
        var caseId = TenantKeys.Split(grain.GetPrimaryKeyString()).LocalId;

        var early = await TickAsync(grain, Monday10.AddMinutes(47));
        var atRisk = await TickAsync(grain, Monday10.AddMinutes(48));
        var breached = await TickAsync(grain, Monday10.AddMinutes(60));

        Assert.Equal((CasePriority.Normal, SlaState.OnTrack), (early.Priority, early.FirstResponseSla!.State));
        Assert.Equal((CasePriority.High, SlaState.AtRisk), (atRisk.Priority, atRisk.FirstResponseSla!.State));
        Assert.Equal((CasePriority.High, SlaState.Breached), (breached.Priority, breached.FirstResponseSla!.State)); // once per target
        Assert.Equal(["sla firstResponse AtRisk", "priority Normal High", "sla firstResponse Breached"], SlaHistory(breached));
        Assert.Null(breached.ExpectedResponseBy); // the customer is never shown a missed promise
        var customer = await grain.GetAsync(ConversationReader.Contact("contact-maria"));
        Assert.Equal((CaseEntryKind.Message, (DateTimeOffset?)null), (Assert.Single(customer.Entries).Kind, customer.ExpectedResponseBy)); // nor the escalation
        var alert = Assert.Single(await cluster.Client.GetGrain<IDispatchGrain>(_tenant).GetAlertsAsync(), a => a.Kind == AlertKind.CaseEscalated);
        Assert.Equal(caseId, alert.CaseId);
        Assert.Contains("First response overdue", alert.Message);

        // The resolution target escalates on its own: 80 % of 600 business minutes is Monday 18:00.
        var resolutionAtRisk = await TickAsync(grain, new DateTimeOffset(2026, 1, 5, 18, 0, 0, TimeSpan.Zero));
        Assert.Equal((CasePriority.Urgent, SlaState.AtRisk), (resolutionAtRisk.Priority, resolutionAtRisk.ResolutionSla!.State));
        var row = Assert.Single(await cluster.Cluster.Silos[0].ServiceProvider.GetRequiredService<ISupportCaseIndex>().QueueAsync(_tenant, new SupportCaseQuery(), 10));
        Assert.Equal((CasePriority.Urgent, SlaState.Breached, SlaState.AtRisk), (row.Priority, row.FirstResponseSla, row.ResolutionSla));
    }

    [Fact]
    public async Task TheReminder_SurvivesDeactivation_AndTheReactivatedCaseStillEscalates()
    {
        var grain = await OpenAsync();
        await cluster.DeactivateAsync(grain.GetGrainId());

        Assert.NotNull(await StoredReminderAsync(grain));
        var escalated = await TickAsync(grain, Monday10.AddMinutes(50));

        Assert.Equal((CasePriority.High, SlaState.AtRisk), (escalated.Priority, escalated.FirstResponseSla!.State));
    }

    [Fact]
    public async Task AnAnswerInTime_MeetsTheFirstResponse_WaitingPausesResolution_AndResolvingStopsTheReminder()
    {
        var grain = await OpenAsync();

        cluster.Time.Set(Monday10.AddMinutes(30));
        var answered = await grain.ReplyAsync(new CaseReply(Ana, "We will look at it.", []));
        cluster.Time.Set(Monday10.AddDays(2)); // two days waiting on the customer count for nothing
        await grain.ReplyAsync(new CaseReply(Maria, "It is still flooded.", []));
        var back = await grain.GetAsync(ConversationReader.Team);
        cluster.Time.Set(Monday10.AddDays(2).AddMinutes(10));
        var resolved = await grain.UpdateAsync(new CaseUpdate(Status: CaseStatus.Resolved), Ana);

        Assert.Equal(SlaState.Met, answered.FirstResponseSla!.State);
        Assert.Equal((SlaState.Paused, 570), (answered.ResolutionSla!.State, answered.ResolutionSla.MinutesLeftWhilePaused));
        Assert.Null(answered.ResolutionSla.Due);
        // 570 minutes left from Wednesday 10:00: 480 that day, 90 on Thursday.
        Assert.Equal(new DateTimeOffset(2026, 1, 8, 10, 30, 0, TimeSpan.Zero), back.ResolutionSla!.Due);
        Assert.Equal(SlaState.Met, resolved.ResolutionSla!.State);
        Assert.Null(await StoredReminderAsync(grain));
    }

    [Fact]
    public async Task ThePriorityTheTeamSets_AndNewSettings_MoveTheDueTimes_WhatWasUsedStaysUsed()
    {
        var grain = await OpenAsync();

        cluster.Time.Set(Monday10.AddMinutes(10));
        var high = await grain.UpdateAsync(new CaseUpdate(Priority: CasePriority.High), Ana);
        var policy = await cluster.Client.GetGrain<ISupportSlaGrain>(_tenant).SetAsync(Settings() with
        {
            Targets = [new SlaTarget(CasePriority.High, 120, 300)],
        });
        var refreshed = await grain.RefreshSlaAsync(policy);
        var noTarget = await grain.UpdateAsync(new CaseUpdate(Priority: CasePriority.Low), Ana);

        Assert.Equal(Monday10.AddMinutes(30), high.FirstResponseSla!.Due); // 30 minutes from the opening, not from the change
        Assert.Equal(Monday10.AddMinutes(120), refreshed.FirstResponseSla!.Due);
        Assert.Equal((SlaState.None, (DateTimeOffset?)null), (noTarget.FirstResponseSla!.State, noTarget.FirstResponseSla.Due));
        Assert.Null(await StoredReminderAsync(grain)); // nothing left to watch
    }

    [Fact]
    public async Task SettingsThatCannotWork_AreRefused_AndAFailedWrite_KeepsTheOldOnes()
    {
        var sla = cluster.Client.GetGrain<ISupportSlaGrain>(_tenant);
        await sla.SetAsync(Settings(firstResponse: 45));

        await Assert.ThrowsAsync<ArgumentException>(() => sla.SetAsync(Settings() with { Week = [] }));
        await Assert.ThrowsAsync<ArgumentException>(() => sla.SetAsync(Settings(firstResponse: 700, resolution: 600)));
        await Assert.ThrowsAsync<ArgumentException>(() => sla.SetAsync(Settings(firstResponse: 0)));
        using (StorageFaults.FailWritesOf(sla))
            await Assert.ThrowsAnyAsync<Exception>(() => sla.SetAsync(Settings(firstResponse: 15)));

        var kept = await sla.GetPolicyAsync();
        Assert.Equal(45, kept.Settings.TargetFor(CasePriority.Normal)!.FirstResponseMinutes);
        Assert.Equal("UTC", kept.TimeZone);
    }
}

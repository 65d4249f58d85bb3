using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using OrleansPortal.Grains.Companies;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Tests.Serialization;

/// <summary>Grain state is stored with Orleans' serializer (as the silo configures it): an older shape must load into the current class.</summary>
public sealed class StateVersionToleranceTests
{
    private static readonly OrleansGrainStorageSerializer Storage =
        new(new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>());

    [Fact]
    public void TicketStateWrittenBeforeAFieldWasAdded_LoadsWithEverythingItHad_AndTheNewFieldEmpty()
    {
        var window = new TimeWindow(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));
        var stored = new PreviousTicketState
        {
            Details = new PreviousNewTicket("cust-1", "prop-1", new GeoPoint(41.15, -8.61), "Rua das Flores 10", "Leaking valve",
                ["plumbing"], TimeSpan.FromMinutes(40), window, TicketPriority.High),
            ArrivalWindow = window,
            Status = TicketStatus.OnHold,
            HeldFrom = TicketStatus.Assigned,
            HoldReason = "parts",
            TechnicianId = "tech-7",
            Pinned = true,
            Audit = [new AuditEntry(window.Start.AddDays(-1), "dana", null, TicketStatus.Scheduled, "created", null)],
        };

        var loaded = Storage.Deserialize<TicketState>(Storage.Serialize(stored))!;

        Assert.Equal("Leaking valve", loaded.Details!.Description);
        Assert.Equal(["plumbing"], loaded.Details.RequiredSkills);
        Assert.Equal(TicketPriority.High, loaded.Details.Priority);
        Assert.Null(loaded.Details.PreferredTechnicianId);
        Assert.Equal(window, loaded.ArrivalWindow);
        Assert.Equal((TicketStatus.OnHold, TicketStatus.Assigned, "parts", "tech-7", true), (loaded.Status, loaded.HeldFrom, loaded.HoldReason, loaded.TechnicianId, loaded.Pinned));
        Assert.Equal(stored.Audit, loaded.Audit);
    }

    [Fact]
    public void CurrentTicketState_ReadByThePreviousShape_KeepsWhatThatShapeKnows()
    {
        // A rolling upgrade: a node still on the previous version reads what a new node wrote.
        var current = new TicketState
        {
            Details = new NewTicket("cust-1", "prop-1", new GeoPoint(41.15, -8.61), "Rua das Flores 10", "Leaking valve",
                ["plumbing"], TimeSpan.FromMinutes(40), null, TicketPriority.Routine, PreferredTechnicianId: "tech-2"),
            Status = TicketStatus.New,
        };

        var read = Storage.Deserialize<PreviousTicketState>(Storage.Serialize(current))!;

        Assert.Equal("Leaking valve", read.Details!.Description);
        Assert.Equal(TicketStatus.New, read.Status);
    }

    [Fact]
    public void TechnicianStateWrittenBeforePhoneHintAndLastUse_LoadsWithThemEmpty()
    {
        var issued = new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);
        var stored = new PreviousTechnicianState
        {
            Profile = new PreviousTechnicianProfile("Rita Mendes", ["hvac"], new GeoPoint(41.15, -8.61), null),
            Devices = [new PreviousDeviceSummary("0123456789ab", "phone", issued, Revoked: true, new string('f', 64))],
        };

        var loaded = Storage.Deserialize<TechnicianState>(Storage.Serialize(stored))!;

        Assert.Equal(("Rita Mendes", new GeoPoint(41.15, -8.61), null, null), (loaded.Profile!.Name, loaded.Profile.HomeBase, loaded.Profile.Phone, loaded.Profile.HomeBaseAddress));
        Assert.Equal(["hvac"], loaded.Profile.Skills);
        var device = Assert.Single(loaded.Devices);
        Assert.Equal(("0123456789ab", "phone", issued, true, null, null), (device.DeviceId, device.Label, device.IssuedAt, device.Revoked, device.TokenHint, device.LastUsedAt));
        Assert.Empty(loaded.JobsHeadedTo); // kept since the drive times of issue 13: empty, not null, in older state
    }

    [Fact]
    public void CompanyStateWrittenBeforeCompaniesHadACurrency_LoadsInEuros_WithEverythingItHad()
    {
        var stored = new PreviousCompanyState
        {
            Name = "Porto Field Services", CreatedAt = DateTimeOffset.UnixEpoch, DispatcherEmails = ["dana@example.com"], Phone = "+351 220 000 000",
            PaymentRetryDays = [2, 4],
        };

        var loaded = Storage.Deserialize<CompanyState>(Storage.Serialize(stored))!;

        Assert.Equal(("Porto Field Services", DateTimeOffset.UnixEpoch, "+351 220 000 000", "EUR"), (loaded.Name, loaded.CreatedAt, loaded.Phone, loaded.Currency));
        Assert.Equal(["dana@example.com"], loaded.DispatcherEmails);
        Assert.Equal([2, 4], loaded.PaymentRetryDays);
    }
}

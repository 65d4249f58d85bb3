using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Tests.Tickets;

/// <summary>Ticket states go through storage as JSON (web defaults), including states stored by earlier versions.</summary>
public sealed class TicketStateTests
{
    private static readonly JsonSerializerOptions Storage = new(JsonSerializerDefaults.Web);

    private static TicketState Stored(string? preferredTechnicianId) => new()
    {
        Details = new NewTicket("c1", "p1", new GeoPoint(41.15, -8.61), "Rua 1", "Leak", ["irrigation"], TimeSpan.FromMinutes(45), null,
            TicketPriority.High, preferredTechnicianId),
        Status = TicketStatus.New,
    };

    [Fact]
    public void APreferredTechnician_SurvivesStorage()
    {
        var loaded = JsonSerializer.Deserialize<TicketState>(JsonSerializer.Serialize(Stored("0123456789abcdef0123456789abcdef"), Storage), Storage)!;

        Assert.Equal("0123456789abcdef0123456789abcdef", loaded.Details!.PreferredTechnicianId);
    }

    [Fact]
    public void ATicketStoredBeforePreferredTechniciansExisted_LoadsWithNone()
    {
        var json = JsonNode.Parse(JsonSerializer.Serialize(Stored(null), Storage))!;
        var details = json["details"]!.AsObject();
        Assert.True(details.Remove("preferredTechnicianId"));

        var loaded = JsonSerializer.Deserialize<TicketState>(json.ToJsonString(), Storage)!;

        Assert.Null(loaded.Details!.PreferredTechnicianId);
        Assert.Equal(Stored(null).Details! with { RequiredSkills = loaded.Details.RequiredSkills }, loaded.Details);
    }
}

using OrleansPortal.Grains;
using OrleansPortal.Grains.Properties;
using OrleansPortal.Web.Hosting;

namespace OrleansPortal.Web.Properties;

/// <summary>A property's details as a dispatcher sends them, to create or to replace.</summary>
public sealed record PropertyRequest(string Name, string Address, GeoPoint? Location, string? AccessNotes, IReadOnlyList<EquipmentRequest>? Equipment)
{
    public PropertyDetails ToDetails() => new(
        Name.Trim(), Address.Trim(), Location!.Value, AccessNotes?.Trim() ?? "",
        [.. (Equipment ?? []).Select(e => new EquipmentItem(e.Kind.Trim(), e.MakeModel?.Trim() ?? "", e.InstalledOn, e.Notes?.Trim() ?? ""))]);
}

public sealed record EquipmentRequest(string Kind, string? MakeModel, DateOnly? InstalledOn, string? Notes);

public static class PropertyRequestValidation
{
    public const int MaxEquipment = 200;

    public static RequestValidation Validate(PropertyRequest r)
    {
        var validation = new RequestValidation()
            .Require(!string.IsNullOrWhiteSpace(r.Name) && r.Name.Trim().Length <= 200, "name", "A name of 1 to 200 characters is required.")
            .Require(!string.IsNullOrWhiteSpace(r.Address) && r.Address.Trim().Length <= 300, "address", "An address of 1 to 300 characters is required.")
            .Require(r.Location is { Latitude: >= -90 and <= 90, Longitude: >= -180 and <= 180 }, "location", "A location with latitude -90..90 and longitude -180..180 is required.")
            .Require(r.AccessNotes is null || r.AccessNotes.Length <= 2_000, "accessNotes", "Access notes can have at most 2,000 characters.")
            .Require(r.Equipment is null || r.Equipment.Count <= MaxEquipment, "equipment", $"At most {MaxEquipment} pieces of equipment.");
        foreach (var (item, i) in (r.Equipment ?? []).Select((e, i) => (e, i)))
        {
            validation
                .Require(item is not null && !string.IsNullOrWhiteSpace(item.Kind) && item.Kind.Trim().Length <= 100, $"equipment[{i}].kind", "A kind of 1 to 100 characters is required.")
                .Require(item?.MakeModel is null || item.MakeModel.Length <= 200, $"equipment[{i}].makeModel", "Make and model can have at most 200 characters.")
                .Require(item?.Notes is null || item.Notes.Length <= 2_000, $"equipment[{i}].notes", "Notes can have at most 2,000 characters.");
        }

        return validation;
    }
}

using System.ComponentModel.DataAnnotations;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Properties;
using OrleansPortal.Web.Hosting;

namespace OrleansPortal.Web.Properties;

/// <summary>A property's details as a dispatcher sends them, to create or to replace.</summary>
public sealed record PropertyRequest(
    [property: MaxLength(InputLimits.Name)] string Name,
    [property: MaxLength(InputLimits.Address)] string Address,
    GeoPoint? Location,
    [property: MaxLength(InputLimits.Text)] string? AccessNotes,
    [property: MaxLength(PropertyRequestValidation.MaxEquipment)] IReadOnlyList<EquipmentRequest>? Equipment)
{
    public PropertyDetails ToDetails() => new(
        Name.Trim(), Address.Trim(), Location!.Value, AccessNotes?.Trim() ?? "",
        [.. (Equipment ?? []).Select(e => new EquipmentItem(e.Kind.Trim(), e.MakeModel?.Trim() ?? "", e.InstalledOn, e.Notes?.Trim() ?? ""))]);
}

public sealed record EquipmentRequest(
    [property: MaxLength(InputLimits.Label)] string Kind,
    [property: MaxLength(InputLimits.Name)] string? MakeModel,
    DateOnly? InstalledOn,
    [property: MaxLength(InputLimits.Text)] string? Notes);

public static class PropertyRequestValidation
{
    public const int MaxEquipment = 200;

    public static RequestValidation Validate(PropertyRequest r)
    {
        var validation = new RequestValidation()
            .Text(r.Name, "name", InputLimits.Name, $"A name of 1 to {InputLimits.Name} characters is required.")
            .Text(r.Address, "address", InputLimits.Address, $"An address of 1 to {InputLimits.Address} characters is required.")
            .Require(r.Location is { Latitude: >= -90 and <= 90, Longitude: >= -180 and <= 180 }, "location", "A location with latitude -90..90 and longitude -180..180 is required.")
            .Text(r.AccessNotes, "accessNotes", InputLimits.Text, $"Access notes can have at most {InputLimits.Text:N0} characters.", required: false, multiline: true)
            .Require(r.Equipment is null || r.Equipment.Count <= MaxEquipment, "equipment", $"At most {MaxEquipment} pieces of equipment.");
        foreach (var (item, i) in (r.Equipment ?? []).Take(MaxEquipment).Select((e, i) => (e, i)))
        {
            validation
                .Text(item?.Kind, $"equipment[{i}].kind", InputLimits.Label, $"A kind of 1 to {InputLimits.Label} characters is required.")
                .Text(item?.MakeModel, $"equipment[{i}].makeModel", InputLimits.Name, $"Make and model can have at most {InputLimits.Name} characters.", required: false)
                .Text(item?.Notes, $"equipment[{i}].notes", InputLimits.Text, $"Notes can have at most {InputLimits.Text:N0} characters.", required: false, multiline: true);
        }

        return validation;
    }
}

namespace OrleansPortal.Web.Hosting;

/// <summary>Section "Map": where the pages' maps get their tiles. Markers, tracks and lists work without tiles.</summary>
public sealed class MapSettings
{
    public const string SectionName = "Map";

    public string TileUrl { get; set; } = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    public string Attribution { get; set; } = "&copy; OpenStreetMap contributors";
}

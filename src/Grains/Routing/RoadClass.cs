namespace OrleansPortal.Grains.Routing;

/// <summary>
/// The OSM highway class of a road edge, kept on the graph so that learned travel times can pool edges of a kind
/// (an edge with few observations borrows from its class).
/// </summary>
public enum RoadClass : byte
{
    Other,
    Motorway,
    MotorwayLink,
    Trunk,
    TrunkLink,
    Primary,
    PrimaryLink,
    Secondary,
    SecondaryLink,
    Tertiary,
    TertiaryLink,
    Unclassified,
    Residential,
    Service,
    LivingStreet,
}

public static class RoadClasses
{
    public const int Count = (int)RoadClass.LivingStreet + 1;

    public static RoadClass Parse(string highway) => highway switch
    {
        "motorway" => RoadClass.Motorway,
        "motorway_link" => RoadClass.MotorwayLink,
        "trunk" => RoadClass.Trunk,
        "trunk_link" => RoadClass.TrunkLink,
        "primary" => RoadClass.Primary,
        "primary_link" => RoadClass.PrimaryLink,
        "secondary" => RoadClass.Secondary,
        "secondary_link" => RoadClass.SecondaryLink,
        "tertiary" => RoadClass.Tertiary,
        "tertiary_link" => RoadClass.TertiaryLink,
        "unclassified" or "road" => RoadClass.Unclassified,
        "residential" => RoadClass.Residential,
        "service" => RoadClass.Service,
        "living_street" => RoadClass.LivingStreet,
        _ => RoadClass.Other,
    };
}

namespace OrleansPortal.Grains.Routing;

/// <summary>
/// Free-flow car speeds per OSM highway class, in km/h. These are modelling defaults close to common routing
/// profiles (links about half their parent class), not measurements; a numeric maxspeed on the way wins.
/// </summary>
public static class RoadSpeeds
{
    private static readonly Dictionary<string, double> ByClass = new()
    {
        ["motorway"] = 100, ["motorway_link"] = 50,
        ["trunk"] = 80, ["trunk_link"] = 40,
        ["primary"] = 60, ["primary_link"] = 30,
        ["secondary"] = 50, ["secondary_link"] = 25,
        ["tertiary"] = 40, ["tertiary_link"] = 20,
        ["unclassified"] = 30, ["residential"] = 30, ["road"] = 30,
        ["service"] = 15, ["living_street"] = 10,
    };

    /// <summary>The speed used when neither the class nor a maxspeed is known.</summary>
    public const double DefaultKilometersPerHour = 30;

    public static double KilometersPerHour(string highway, double? maxSpeedKilometersPerHour) =>
        maxSpeedKilometersPerHour ?? ByClass.GetValueOrDefault(highway, DefaultKilometersPerHour);
}

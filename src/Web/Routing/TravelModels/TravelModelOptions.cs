namespace OrleansPortal.Web.Routing.TravelModels;

/// <summary>"Routing:TravelModels": where learned travel-time models live and what to learn from.</summary>
public sealed class TravelModelOptions
{
    public const string Section = "Routing:TravelModels";

    /// <summary>Promoted models; shared by a cluster's nodes. Default: data/travel-models under the content root.</summary>
    public string? Directory { get; set; }

    /// <summary>
    /// A Porto-format trace file to learn from when no stored model fits the road graph; the demo points it at the
    /// taxi traces it ships. Unset: no training at start-up.
    /// </summary>
    public string? TrainFrom { get; set; }

    /// <summary>The zone time-of-week slots are counted in.</summary>
    public string TimeZone { get; set; } = "Europe/Lisbon";
}

namespace OrleansPortal.Web.Technicians;

/// <summary>
/// Every word a dispatcher reads when setting up a tracking app, in one place so that it can be translated: app names,
/// setting names and the steps. Placeholders in braces are filled in by <see cref="DeviceSetup"/>: {server} the
/// address the app sends to, {token} the device token, {device} the device's id.
/// </summary>
public static class DeviceSetupTexts
{
    public const string TraccarClient = "Traccar Client";
    public const string OsmAnd = "OsmAnd";
    public const string GpsLogger = "GPSLogger";
    public const string OwnTracks = "OwnTracks";
    public const string WebPage = "Our technician page";

    public const string ServerUrl = "Server URL";
    public const string DeviceIdentifier = "Device identifier";
    public const string LocationAccuracy = "Location accuracy";
    public const string High = "High";
    public const string OnlineTrackingAddress = "Online tracking web address";
    public const string CustomUrl = "URL";
    public const string HttpMethod = "HTTP Method";
    public const string Mode = "Mode";
    public const string Http = "HTTP";
    public const string Url = "URL";
    public const string UserName = "Username";
    public const string Password = "Password";
    public const string DeviceId = "Device ID";
    public const string PageAddress = "Address";

    public static readonly string[] TraccarClientSteps =
    [
        "Install Traccar Client from the App Store or Google Play.",
        "Open its settings, tap the QR code button and scan this code: it sets the server URL and the device identifier.",
        "Or type them in: Server URL {server}, Device identifier {token}.",
        "Set Location accuracy to High and switch the service on.",
        "When the phone asks, allow location access all the time, and let the app run in the background.",
    ];

    public static readonly string[] OsmAndSteps =
    [
        "Install OsmAnd from the App Store or Google Play.",
        "Open Menu, Plugins, and enable Trip recording.",
        "In the plugin's settings, open Online tracking and enter this web address (scan the QR code with the phone's camera to copy it): {server}",
        "Set the tracking interval to 30 seconds and turn online tracking on.",
        "Start trip recording when the working day starts.",
    ];

    public static readonly string[] GpsLoggerSteps =
    [
        "Install GPSLogger for Android.",
        "Open Logging details, Log to custom URL, and switch it on.",
        "URL: enter this address (scan the QR code with the phone's camera to copy it): {server}",
        "HTTP Method: POST. Leave the body and the headers empty.",
        "In Performance, set the time before logging to 30 seconds, then tap Start logging.",
    ];

    public static readonly string[] OwnTracksSteps =
    [
        "Install OwnTracks from the App Store or Google Play.",
        "Scan this QR code with the phone's camera and open it with OwnTracks: it sets HTTP mode, the URL and the password.",
        "Or, in Preferences, Connection: Mode HTTP, URL {server}, Username any name (for example {device}), Password {token}.",
        "Leave encryption off, and allow location access all the time.",
    ];

    public static readonly string[] WebPageSteps =
    [
        "Scan this QR code with the phone's camera and open the page: the phone keeps the token.",
        "Add the page to the home screen, and keep it open while working so that it can send positions.",
    ];
}

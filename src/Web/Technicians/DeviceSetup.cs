using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OrleansPortal.Web.Portal;
using QRCoder;

namespace OrleansPortal.Web.Technicians;

/// <summary>
/// How each tracking app is set up for a new device token on this deployment: the address it must send to (from
/// <see cref="PortalOptions.PublicBaseUrl"/>, configured, never taken from a request's Host header), the settings to
/// type, the steps (<see cref="DeviceSetupTexts"/>) and a QR code of what the app can scan or the phone can copy.
/// The token is in all of it, so this exists only in the answer that issues the token, never afterwards.
/// </summary>
public sealed class DeviceSetup(IOptions<PortalOptions> options)
{
    /// <summary>
    /// What Traccar Client takes from a scanned URL besides the server and the token: high accuracy, a fix every 60 s
    /// (and every 30 m moved), and a heartbeat every 120 s while standing still, so dispatch's "no signal" alert (after
    /// 5 minutes of silence) does not fire for a technician at work.
    /// </summary>
    private const string TraccarClientOptions = "accuracy=high&interval=60&distance=30&heartbeat=120";

    /// <param name="deviceId">The device's id (hex): what OwnTracks is told to call itself, safe in a header where a label might not be.</param>
    public DeviceSetupDto For(string token, string deviceId)
    {
        var baseUrl = options.Value.PublicBaseUrl.TrimEnd('/');
        var osmAnd = $"{baseUrl}/gps/osmand";
        var ownTracks = $"{baseUrl}/gps/owntracks";
        var id = Uri.EscapeDataString(token);
        var traccarQr = $"{osmAnd}?id={id}&{TraccarClientOptions}";
        var osmAndUrl = $"{osmAnd}?id={id}&lat={{0}}&lon={{1}}&timestamp={{2}}&hdop={{3}}&altitude={{4}}&speed={{5}}";
        var gpsLoggerUrl = $"{osmAnd}?id={id}&lat=%LAT&lon=%LON&timestamp=%TIMESTAMP&altitude=%ALT&accuracy=%ACC&bearing=%DIR&batt=%BATT&speed_mps=%SPD";
        var page = $"{baseUrl}/tech/?token={id}";
        return new DeviceSetupDto(baseUrl,
        [
            App("TraccarClient", DeviceSetupTexts.TraccarClient, osmAnd, traccarQr, DeviceSetupTexts.TraccarClientSteps, token, deviceId,
                (DeviceSetupTexts.ServerUrl, osmAnd), (DeviceSetupTexts.DeviceIdentifier, token), (DeviceSetupTexts.LocationAccuracy, DeviceSetupTexts.High)),
            App("OsmAnd", DeviceSetupTexts.OsmAnd, osmAndUrl, osmAndUrl, DeviceSetupTexts.OsmAndSteps, token, deviceId,
                (DeviceSetupTexts.OnlineTrackingAddress, osmAndUrl)),
            App("GpsLogger", DeviceSetupTexts.GpsLogger, gpsLoggerUrl, gpsLoggerUrl, DeviceSetupTexts.GpsLoggerSteps, token, deviceId,
                (DeviceSetupTexts.CustomUrl, gpsLoggerUrl), (DeviceSetupTexts.HttpMethod, "POST")),
            App("OwnTracks", DeviceSetupTexts.OwnTracks, ownTracks, OwnTracksConfigLink(ownTracks, token, deviceId), DeviceSetupTexts.OwnTracksSteps, token, deviceId,
                (DeviceSetupTexts.Mode, DeviceSetupTexts.Http), (DeviceSetupTexts.Url, ownTracks), (DeviceSetupTexts.UserName, deviceId), (DeviceSetupTexts.Password, token)),
            App("WebPage", DeviceSetupTexts.WebPage, page, page, DeviceSetupTexts.WebPageSteps, token, deviceId,
                (DeviceSetupTexts.PageAddress, page)),
        ]);
    }

    private static AppSetupDto App(
        string app, string name, string serverUrl, string qrContent, IEnumerable<string> steps, string token, string deviceId, params (string Name, string Value)[] settings) => new(
        app, name, serverUrl,
        [.. settings.Select(s => new SetupSettingDto(s.Name, s.Value))],
        [.. steps.Select(step => step.Replace("{server}", serverUrl).Replace("{token}", token).Replace("{device}", deviceId))],
        qrContent, QrSvg(qrContent));

    /// <summary>
    /// OwnTracks reads its configuration from a link: owntracks:///config?inline= and the configuration JSON in base64.
    /// Mode 3 is HTTP; the token is the Basic password, which our endpoint reads (the user name is free).
    /// </summary>
    private static string OwnTracksConfigLink(string url, string token, string deviceId)
    {
        var configuration = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["_type"] = "configuration",
            ["mode"] = 3,
            ["url"] = url,
            ["auth"] = true,
            ["username"] = deviceId,
            ["password"] = token,
            ["deviceId"] = deviceId,
        });
        // Escaped: the apps read query parameters URL-decoded, where a raw '+' of base64 would become a space.
        return "owntracks:///config?inline=" + Uri.EscapeDataString(Convert.ToBase64String(Encoding.UTF8.GetBytes(configuration)));
    }

    /// <summary>A QR code as SVG that scales to its box (a viewBox, no fixed size), black on white with the quiet zone.</summary>
    public static string QrSvg(string content)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(content, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(8, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}

/// <param name="BaseUrl">The deployment's public address the apps are set up with.</param>
public sealed record DeviceSetupDto(string BaseUrl, IReadOnlyList<AppSetupDto> Apps);

/// <param name="App">A stable key: TraccarClient, OsmAnd, GpsLogger, OwnTracks or WebPage.</param>
/// <param name="ServerUrl">The address the app sends positions to, as the app wants it (with placeholders for OsmAnd and GPSLogger).</param>
/// <param name="Settings">What to type where, by the app's own setting names.</param>
/// <param name="QrContent">What the QR code holds: a configuration link the app scans (Traccar Client, OwnTracks, our page) or the address to copy.</param>
/// <param name="QrSvg">The QR code of <paramref name="QrContent"/>, an SVG document.</param>
public sealed record AppSetupDto(string App, string Name, string ServerUrl, IReadOnlyList<SetupSettingDto> Settings, IReadOnlyList<string> Steps, string QrContent, string QrSvg);

public sealed record SetupSettingDto(string Name, string Value);

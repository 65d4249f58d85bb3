using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using OrleansPortal.Grains.Devices;

namespace OrleansPortal.Web.Documents;

/// <summary>
/// Addresses of a job's photos that the technician's page can put in an img element, which cannot send the device
/// token: each carries a grant, protected with the cluster's Data Protection keys (every node reads every other's), that
/// names the device, the job and the photo and expires within two hours. A grant only opens the door: serving still
/// checks that the device is not revoked and the job is still its technician's.
/// <para>
/// Protecting is randomised, so a fresh grant on every refresh of the job list would change every address and the
/// phone would load every picture again. This node makes one grant per photo and device per hour instead and hands out
/// the same address until the hour ends; the grant is valid for the hour after that too, so an address just handed out
/// never expires under the page that shows it.
/// </para>
/// </summary>
public sealed class DevicePhotoLinks(IDataProtectionProvider protection)
{
    private static readonly TimeSpan Period = TimeSpan.FromHours(1);

    /// <summary>Grants remembered at most; past it the memory starts again (and the addresses change once).</summary>
    private const int MaxRemembered = 100_000;

    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("OrleansPortal.DevicePhotos.v1").ToTimeLimitedDataProtector();
    private readonly ConcurrentDictionary<string, (long Period, string Grant)> _grants = new(StringComparer.Ordinal);

    /// <summary>Where the device loads the photo, whole or as a thumbnail.</summary>
    public string For(DeviceBinding device, string ticketId, string photoId, bool thumbnail)
    {
        var payload = string.Join('|', device.TenantId, device.TechnicianId, device.DeviceId, ticketId, photoId);
        var period = DateTimeOffset.UtcNow.UtcTicks / Period.Ticks;
        if (!_grants.TryGetValue(payload, out var known) || known.Period != period)
        {
            if (_grants.Count >= MaxRemembered) _grants.Clear();
            known = (period, _protector.Protect(payload, new DateTimeOffset((period + 2) * Period.Ticks, TimeSpan.Zero)));
            _grants[payload] = known;
        }

        return $"/api/v1/device/jobs/{ticketId}/photos/{photoId}?{(thumbnail ? "thumbnail=true&" : "")}grant={known.Grant}";
    }

    /// <summary>The device a genuine, unexpired grant for this job's photo was made for; null for anything else.</summary>
    public (string TenantId, string TechnicianId, string DeviceId)? Check(string grant, string ticketId, string photoId)
    {
        string payload;
        try
        {
            payload = _protector.Unprotect(grant, out _);
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return null; // forged, damaged, expired, or made with a key this cluster no longer has
        }

        var parts = payload.Split('|');
        return parts.Length == 5 && parts[3] == ticketId && parts[4] == photoId ? (parts[0], parts[1], parts[2]) : null;
    }
}

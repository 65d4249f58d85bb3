namespace OrleansPortal.Grains;

/// <summary>
/// Keys of tenant-owned grains are "{tenantId}:{localId}", so nothing can address another tenant's grain without
/// naming that tenant; the web edge only ever builds keys from the caller's own tenant claim.
/// </summary>
public static class TenantKeys
{
    public static string For(string tenantId, string localId) => $"{tenantId}:{localId}";

    public static (string TenantId, string LocalId) Split(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? (key[..colon], key[(colon + 1)..]) : throw new ArgumentException($"'{key}' is not a tenant-scoped key.", nameof(key));
    }

    /// <summary>A new random id (128 bits, hex): unguessable, URL-safe, no ':'.</summary>
    public static string NewId() => Guid.NewGuid().ToString("N");
}

using System.Security.Cryptography;

namespace OrleansPortal.Web.Support.HelpCenter;

/// <summary>
/// The help center's stylesheet, embedded in the app (the client's build empties wwwroot, and these pages are not part of
/// it), served with its content hash in the address so it can be cached for a year.
/// </summary>
public static class HelpAssets
{
    private static readonly byte[] Stylesheet = Load();

    public static readonly string StylesheetPath = $"/help-assets/help.css?v={Convert.ToHexStringLower(SHA256.HashData(Stylesheet))[..12]}";

    public static void MapHelpAssets(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/help-assets/help.css", (HttpResponse response) =>
        {
            response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return TypedResults.Bytes(Stylesheet, "text/css; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();

    private static byte[] Load()
    {
        using var stream = typeof(HelpAssets).Assembly.GetManifestResourceStream("HelpCenter.help.css")
            ?? throw new InvalidOperationException("The help center's stylesheet is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

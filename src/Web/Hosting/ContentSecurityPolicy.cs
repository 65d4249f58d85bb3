namespace OrleansPortal.Web.Hosting;

/// <summary>
/// The Content-Security-Policy of every response. The pages load only their own scripts and styles (no inline code, no
/// style attributes in markup: scripts set styles through the DOM), talk only to this app (SignalR's WebSockets
/// included), show images from here, data: URIs (the empty favicon) and the configured tile server, and may not be
/// framed by anyone.
/// </summary>
public static class ContentSecurityPolicy
{
    /// <param name="tileUrlTemplate">The maps' tile URL template (<see cref="MapSettings.TileUrl"/>).</param>
    /// <param name="webSocketOrigin">"wss://host:port" of this request, or null to rely on 'self' alone.</param>
    public static string For(string tileUrlTemplate, string? webSocketOrigin)
    {
        var tiles = TileSource(tileUrlTemplate);
        return "default-src 'self'; script-src 'self'; style-src 'self'; "
            + $"img-src 'self' data:{(tiles is null ? "" : " " + tiles)}; "
            + $"connect-src 'self'{(webSocketOrigin is null ? "" : " " + webSocketOrigin)}; "
            + "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    /// <summary>
    /// The source expression that admits every tile of the template: "https://tile.example.org", "https://*.tile.example.org"
    /// for a "{s}" subdomain, the bare scheme ("https:") when a placeholder sits elsewhere in the host; null for tiles
    /// served by this app. Anything that could break out of the header (spaces, ';', quotes) yields the bare scheme too.
    /// </summary>
    public static string? TileSource(string tileUrlTemplate)
    {
        var template = tileUrlTemplate.Trim();
        var separator = template.IndexOf("://", StringComparison.Ordinal);
        if (separator < 0) return template.StartsWith("//", StringComparison.Ordinal) ? TileSource("https:" + template) : null;

        var scheme = template[..separator].ToLowerInvariant();
        if (scheme is not ("https" or "http")) return null; // not a tile server a browser could load from
        var rest = template[(separator + 3)..];
        var end = rest.IndexOfAny(['/', '?', '#']);
        var authority = end < 0 ? rest : rest[..end];
        if (authority.StartsWith("{s}.", StringComparison.Ordinal)) authority = "*" + authority[3..];
        var wellFormed = authority.Length > 0 && authority.All(IsHostCharacter) && authority.LastIndexOf('*') <= 0;
        return wellFormed ? $"{scheme}://{authority}" : $"{scheme}:";
    }

    /// <summary>
    /// "wss://host:port" (or ws:// over plain http) for this request's host. 'self' covers WebSockets to this host in
    /// current browsers; the explicit origin is for those that predate CSP 3. A Host header that is not a plain
    /// host[:port] is left out (null) rather than copied into a header.
    /// </summary>
    public static string? WebSocketOrigin(bool https, string? host) =>
        !string.IsNullOrEmpty(host) && host.All(c => c != '*' && IsHostCharacter(c)) ? (https ? "wss://" : "ws://") + host : null;

    private static bool IsHostCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or ':' or '[' or ']' or '*';
}

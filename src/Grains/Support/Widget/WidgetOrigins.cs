namespace OrleansPortal.Grains.Support.Widget;

/// <summary>
/// The web origins a company lets embed its widget, written as a browser sends them in <c>Origin</c>:
/// <c>scheme://host[:port]</c>, lower-case, without the scheme's default port, path, query or credentials. Only https,
/// except plain http for a developer's own machine (localhost, 127.0.0.1): a page served over http elsewhere could be
/// altered on its way, and the widget's token with it.
/// </summary>
public static class WidgetOrigins
{
    public const int MaxOrigins = 20;

    /// <summary>Longer than any origin a person types; a longer value is not one.</summary>
    public const int MaxLength = 300;

    /// <summary>The origin in its one written form, or null for what is not an allowed kind of origin.</summary>
    public static string? Normalize(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength || text.Any(char.IsControl)) return null;
        if (!Uri.TryCreate(text.TrimEnd('/'), UriKind.Absolute, out var uri)) return null;
        if (uri.UserInfo.Length > 0 || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0) return null;
        var host = uri.IdnHost.ToLowerInvariant();
        if (host.Length == 0) return null;
        var https = uri.Scheme == Uri.UriSchemeHttps;
        var localHttp = uri.Scheme == Uri.UriSchemeHttp && host is "localhost" or "127.0.0.1";
        if (!https && !localHttp) return null;
        return uri.IsDefaultPort ? $"{uri.Scheme}://{host}" : $"{uri.Scheme}://{host}:{uri.Port}";
    }

    /// <summary>What is wrong with a list to save (an empty list is fine: nobody may embed the widget), or null.</summary>
    public static string? Problem(IReadOnlyList<string>? origins)
    {
        if (origins is null) return "The allowed origins are a list.";
        if (origins.Count > MaxOrigins) return $"At most {MaxOrigins} origins may embed the widget.";
        foreach (var origin in origins)
            if (Normalize(origin) != origin)
                return $"\"{Shorten(origin)}\" is not an origin written as https://host[:port] (http only for localhost and 127.0.0.1).";
        return null;
    }

    private static string Shorten(string? value) => value is null ? "" : value.Length > 60 ? value[..60] + "…" : value;
}

namespace OrleansPortal.Web.Tracking.Protocols;

/// <summary>Decides from the Content-Type header how a body may be read; parameters such as charset are ignored (bodies are read as UTF-8).</summary>
internal static class ContentTypes
{
    public static bool IsJson(string? contentType)
    {
        var media = MediaType(contentType);
        return media.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.Equals("text/json", StringComparison.OrdinalIgnoreCase)
            || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A body that can be read as <c>key=value&amp;...</c>: a form, plain text, or no declared type at all (Traccar reads those too).</summary>
    public static bool MayHoldForm(string? contentType)
    {
        var media = MediaType(contentType);
        return media.IsEmpty
            || media.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            || media.Equals("text/plain", StringComparison.OrdinalIgnoreCase);
    }

    public static bool IsAbsent(string? contentType) => MediaType(contentType).IsEmpty;

    private static ReadOnlySpan<char> MediaType(string? contentType)
    {
        var value = contentType.AsSpan();
        var semicolon = value.IndexOf(';');
        return (semicolon < 0 ? value : value[..semicolon]).Trim();
    }
}

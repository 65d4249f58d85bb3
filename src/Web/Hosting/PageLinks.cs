namespace OrleansPortal.Web.Hosting;

/// <summary>
/// Keyset paging of list endpoints (<c>?limit=N&amp;after={id}</c>): the body stays the plain array it always was, and
/// while more follow, a Link header (RFC 8288, <c>rel="next"</c>) names the next page, continuing after the last id of
/// this one. A page deep in a large list costs what the first one does.
/// </summary>
public static class PageLinks
{
    /// <summary>Checks a page request: <paramref name="limit"/> in 1..<paramref name="maxPageSize"/>, <paramref name="after"/> an id of ours.</summary>
    public static RequestValidation Validate(int? limit, string? after, int maxPageSize, string what) => new RequestValidation()
        .Require(limit is null || (limit >= 1 && limit <= maxPageSize), "limit", $"The limit must be between 1 and {maxPageSize}.")
        .Require(after is null || ResourceId.IsValid(after), "after", $"'after' must be {what} id (32 hex characters), the last of the previous page.");

    /// <summary>Names the next page, if there is one, keeping the request's other parameters (a search) that have a value.</summary>
    public static void SetNext(HttpResponse response, string path, int limit, string? next, params (string Name, string? Value)[] keep)
    {
        if (next is null) return;
        var kept = string.Concat(keep.Where(k => k.Value is not null).Select(k => $"&{k.Name}={Uri.EscapeDataString(k.Value!)}"));
        response.Headers.Link = $"<{path}?limit={limit}&after={next}{kept}>; rel=\"next\"";
    }
}

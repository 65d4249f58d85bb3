using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace OrleansPortal.Web.Tests.Pages;

/// <summary>
/// Collects what went wrong on a page: script errors, failed requests, error responses, and anything the
/// Content-Security-Policy refused (an inline script or style, a source it does not list), which the browser reports
/// only on the console. Failed map tiles are left out: they come from an internet tile server these machines cannot
/// reach, and the pages must work without them; a tile the policy refuses is still reported.
/// </summary>
public sealed class PageProblems
{
    private readonly ConcurrentQueue<string> _problems = new();

    public PageProblems(IPage page, params string[] expectedErrorPaths)
    {
        page.PageError += (_, error) => _problems.Enqueue($"script error: {error}");
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) _problems.Enqueue($"refused by the CSP: {message.Text}");
        };
        page.RequestFailed += (_, request) =>
        {
            // An abort is the page's own doing (a newer read replaces one in flight: the speeds layer when the map
            // moves again), not a failure.
            if (!IsTile(request.Url) && request.Failure != "net::ERR_ABORTED") _problems.Enqueue($"request failed: {request.Url} ({request.Failure})");
        };
        page.Response += (_, response) =>
        {
            // A 3xx is not an error: a redirect (a form posted, then "see other"), or 304, the browser revalidating a file it
            // has cached (it does for files changed moments ago).
            if (!response.Ok && response.Status is not (>= 300 and < 400) && !IsTile(response.Url) && !IsAnswer(response)
                && !expectedErrorPaths.Any(p => response.Url.Contains(p, StringComparison.Ordinal)))
                _problems.Enqueue($"HTTP {response.Status}: {response.Url}");
        };
    }

    public IReadOnlyCollection<string> All => _problems;

    /// <summary>A 404 that is an answer, not a failure: GET /api/v1/dispatch/plans/last says so when there is no plan to undo.</summary>
    private static bool IsAnswer(IResponse response) =>
        response.Status == 404 && response.Request.Method == "GET" && new Uri(response.Url).AbsolutePath == "/api/v1/dispatch/plans/last";

    private static bool IsTile(string url) => !url.StartsWith("http://127.0.0.1", StringComparison.Ordinal);
}

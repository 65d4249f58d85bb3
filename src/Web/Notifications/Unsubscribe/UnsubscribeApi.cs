using Microsoft.AspNetCore.Http.HttpResults;
using OrleansPortal.Web.Identity;

namespace OrleansPortal.Web.Notifications.Unsubscribe;

/// <summary>
/// Behind a marketing message's unsubscribe link, for anyone holding it (no sign-in):
/// <list type="bullet">
/// <item><c>POST /u/{token}</c> with the form field <c>List-Unsubscribe=One-Click</c>: RFC 8058's one-click unsubscribe,
/// as mail providers send it (no cookies, no antiforgery token, form-urlencoded or multipart), answered 200, never a redirect;</item>
/// <item><c>GET /u/{token}</c>: the page, which changes nothing by being opened (link scanners open links), and its API
/// under <c>/api/v1/unsubscribe/{token}</c> to read, unsubscribe and subscribe again.</item>
/// </list>
/// A forged, altered or expired token is the same 404 ProblemDetails everywhere, and changes nothing.
/// </summary>
public static class UnsubscribeApi
{
    public const string PageRateLimit = "unsubscribe";
    public const string OneClickRateLimit = "unsubscribe-one-click";
    public const string OneClickField = "List-Unsubscribe";
    public const string OneClickValue = "One-Click";

    public static IServiceCollection AddUnsubscribe(this IServiceCollection services)
    {
        services.AddSingleton<UnsubscribeTokens>();
        services.AddSingleton<Unsubscriptions>();
        services.Configure<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>(o =>
        {
            // Tokens cannot be forged, so these are hygiene. A person reloads a page now and then; a mail provider posts
            // every one-click of a newsletter from a handful of addresses, so its limit is ten times wider.
            o.AddPolicy(PageRateLimit, http => IdentityServices.PerClientAddress(http, 60, TimeSpan.FromMinutes(1)));
            o.AddPolicy(OneClickRateLimit, http => IdentityServices.PerClientAddress(http, 600, TimeSpan.FromMinutes(1)));
        });
        return services;
    }

    public static void MapUnsubscribeApi(this IEndpointRouteBuilder endpoints)
    {
        var link = endpoints.MapGroup("/u").WithTags("Unsubscribe").AllowAnonymous();
        link.MapPost("/{token}", OneClickAsync).RequireRateLimiting(OneClickRateLimit)
            .DisableAntiforgery() // mail providers post without cookies or tokens; the token in the path is the credential
            .WithSummary("RFC 8058 one-click unsubscribe: the form field List-Unsubscribe=One-Click unsubscribes the link's address from the company's marketing. 404 for an unknown link.");
        link.MapGet("/{token}", Page).RequireRateLimiting(PageRateLimit).ExcludeFromDescription();

        var api = endpoints.MapGroup("/api/v1/unsubscribe/{token}").WithTags("Unsubscribe").AllowAnonymous().RequireRateLimiting(PageRateLimit);
        api.MapGet("", GetAsync).WithSummary("Whose marketing the link stops, to which address, and whether it still goes. 404 for an unknown link.");
        api.MapPost("", UnsubscribeAsync).WithSummary("Unsubscribes the link's address from the company's marketing (idempotent).");
        api.MapPost("/subscribe", SubscribeAsync).WithSummary("Subscribes the link's address to the company's marketing again (idempotent).");
    }

    private static async Task<Results<Ok<UnsubscribeDto>, ProblemHttpResult>> OneClickAsync(
        string token, HttpRequest request, UnsubscribeTokens tokens, Unsubscriptions unsubscriptions, CancellationToken cancellationToken)
    {
        if (tokens.Read(token) is not { } grant) return Unknown();
        if (!await IsOneClickAsync(request, cancellationToken))
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not a one-click unsubscribe.",
                detail: $"Post the form field {OneClickField}={OneClickValue} (RFC 8058), or open the link to unsubscribe on its page.");
        return TypedResults.Ok(await unsubscriptions.SetAsync(grant, subscribed: false, cancellationToken));
    }

    private static async Task<Results<Ok<UnsubscribeDto>, ProblemHttpResult>> GetAsync(string token, UnsubscribeTokens tokens, Unsubscriptions unsubscriptions, CancellationToken cancellationToken) =>
        tokens.Read(token) is { } grant ? TypedResults.Ok(await unsubscriptions.DescribeAsync(grant, cancellationToken)) : Unknown();

    private static Task<Results<Ok<UnsubscribeDto>, ProblemHttpResult>> UnsubscribeAsync(string token, UnsubscribeTokens tokens, Unsubscriptions unsubscriptions, CancellationToken cancellationToken) =>
        SetAsync(token, false, tokens, unsubscriptions, cancellationToken);

    private static Task<Results<Ok<UnsubscribeDto>, ProblemHttpResult>> SubscribeAsync(string token, UnsubscribeTokens tokens, Unsubscriptions unsubscriptions, CancellationToken cancellationToken) =>
        SetAsync(token, true, tokens, unsubscriptions, cancellationToken);

    private static async Task<Results<Ok<UnsubscribeDto>, ProblemHttpResult>> SetAsync(
        string token, bool subscribed, UnsubscribeTokens tokens, Unsubscriptions unsubscriptions, CancellationToken cancellationToken) =>
        tokens.Read(token) is { } grant ? TypedResults.Ok(await unsubscriptions.SetAsync(grant, subscribed, cancellationToken)) : Unknown();

    // RFC 8058 asks for multipart/form-data and allows form-urlencoded; either way the one field with its one value.
    private static async Task<bool> IsOneClickAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType) return false;
        try
        {
            var form = await request.ReadFormAsync(cancellationToken);
            return form[OneClickField] == OneClickValue;
        }
        catch (InvalidDataException) // a malformed multipart body or one past the form limits
        {
            return false;
        }
    }

    /// <summary>The page, served at the link's own address; it reads the token from its path.</summary>
    private static IResult Page(IWebHostEnvironment environment, HttpResponse response)
    {
        var page = environment.WebRootFileProvider.GetFileInfo("u/index.html");
        if (!page.Exists) return TypedResults.NotFound();
        response.Headers.CacheControl = "no-store";
        return TypedResults.Stream(page.CreateReadStream(), "text/html; charset=utf-8");
    }

    private static ProblemHttpResult Unknown() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: "This unsubscribe link is unknown or no longer valid.");
}

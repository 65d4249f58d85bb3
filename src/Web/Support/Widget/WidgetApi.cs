using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Companies;
using OrleansPortal.Grains.Conversations;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Support.Cases;
using OrleansPortal.Grains.Support.HelpCenter;
using OrleansPortal.Grains.Support.Widget;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;
using OrleansPortal.Web.Support.HelpCenter;

namespace OrleansPortal.Web.Support.Widget;

/// <summary>
/// What the widget on a company's own website calls, across origins. A session is given only to a page whose Origin
/// the company allowed; it is a signed token (<see cref="WidgetTokens"/>), sent back as a bearer token, never a
/// cookie, and good only from that same origin while the company still allows it. CORS answers only the allowed
/// origins (<see cref="WidgetCorsPolicyProvider"/>). An unverified visitor only writes (the contact form) and reads
/// what is public (the help center); only a visitor the company's site vouched for reads their own cases.
/// </summary>
public static class WidgetApi
{
    public const string ScriptPath = "/widget/v1.js";
    public const string RateLimit = "widget";
    public const int HelpHits = 5;
    public const int CasesShown = 20;

    public static IServiceCollection AddWidget(this IServiceCollection services)
    {
        services.AddSingleton<WidgetTokens>();
        services.AddSingleton<WidgetOriginPolicy>();
        services.AddCors();
        services.AddSingleton<Microsoft.AspNetCore.Cors.Infrastructure.ICorsPolicyProvider, WidgetCorsPolicyProvider>();
        services.AddRateLimiter(o =>
            o.AddPolicy(RateLimit, http => IdentityServices.PerClientAddress(http, 120, TimeSpan.FromMinutes(1))));
        services.AddSingleton<WidgetContactThrottle>();
        return services;
    }

    public static RouteGroupBuilder MapWidgetApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/widget/{tenant}").WithTags("Widget").AllowAnonymous()
            .RequireCors(WidgetCorsPolicyProvider.PolicyName).RequireRateLimiting(RateLimit);
        group.MapPost("/sessions", StartAsync).WithSummary(
            "A widget session for a page whose Origin the company allows (403 otherwise): a bearer token for 2 hours. With the email and its hex HMAC-SHA256 " +
            "under the company's identity secret, and that email a contact of one of the company's customers, the session is verified.");
        group.MapGet("/help", SearchHelpAsync).WithSummary($"Up to {HelpHits} published help articles matching q, in the language asked for, else English, with their public pages.");
        group.MapPost("/cases", ContactAsync).WithSummary(
            "The contact form: opens a case for the verified visitor; for anyone else, for the customer whose contact the email is, or for a new customer with that contact.");
        group.MapGet("/cases", CasesAsync).WithSummary("A verified visitor's own cases (403 for anyone else).");
        group.MapWidgetChatApi();
        return group;
    }

    private static async Task<Results<Ok<WidgetSessionDto>, ProblemHttpResult, ValidationProblem>> StartAsync(
        string tenant, WidgetSessionRequest request, HttpRequest http, WidgetOriginPolicy origins, WidgetTokens tokens, IClusterClient grains)
    {
        var identified = !string.IsNullOrEmpty(request.Email) || !string.IsNullOrEmpty(request.Hash);
        if (identified)
        {
            var validation = new RequestValidation()
                .Require(EmailAddress.IsValid(request.Email), "email", "The signed-in visitor's email address.")
                .Require(request.Hash is { Length: 64 } hash && hash.All(char.IsAsciiHexDigit), "hash", "The email's HMAC-SHA256 as 64 hex characters.");
            if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        }

        if (await origins.AllowedAsync(tenant, http.Headers.Origin.ToString()) is not { } origin
            || await grains.GetGrain<ICompanyGrain>(tenant).GetAsync() is not { } company)
            return TypedResults.Problem(title: "Not available on this website.",
                detail: "The company has not allowed this website to use its help widget.", statusCode: StatusCodes.Status403Forbidden);

        ContactRef? contact = null;
        // A hash that does not match gives an ordinary, unverified session: the visitor can still search and write.
        if (identified && await grains.GetGrain<IWidgetSettingsGrain>(tenant).VerifyIdentityAsync(request.Email!, request.Hash!))
            contact = await ContactOfAsync(grains, tenant, request.Email!);
        var (token, session) = tokens.Issue(tenant, origin, contact?.CustomerId, contact?.ContactId);
        return TypedResults.Ok(new WidgetSessionDto(token, session.Expires, session.IsVerified, company.Name));
    }

    private static async Task<Results<Ok<WidgetHelpResultDto>, ProblemHttpResult>> SearchHelpAsync(
        string tenant, [MaxLength(HelpSearch.MaxQueryLength)] string? q, [MaxLength(16)] string? language,
        HttpRequest http, WidgetTokens tokens, WidgetOriginPolicy origins, IHelpSearch search, CancellationToken cancellationToken)
    {
        var (session, refusal) = await SessionAsync(tenant, http, tokens, origins);
        if (session is null) return refusal!;
        var query = (q ?? "").Trim();
        if (query.Length < 2) return TypedResults.Ok(new WidgetHelpResultDto([], new Dictionary<string, string>()));
        if (query.Length > HelpSearch.MaxQueryLength) query = query[..HelpSearch.MaxQueryLength];
        var code = language?.Split('-')[0].ToLowerInvariant();
        var wanted = HelpLanguages.IsSupported(code) ? HelpLanguages.Get(code!).Code : HelpLanguages.Default;
        var result = await search.SearchAsync(tenant, wanted, query, HelpHits, cancellationToken);
        if (result.Hits.Count == 0 && wanted != HelpLanguages.Default) result = await search.SearchAsync(tenant, HelpLanguages.Default, query, HelpHits, cancellationToken);
        return TypedResults.Ok(new WidgetHelpResultDto(
            [.. result.Hits.Select(h => new WidgetHelpHitDto(h.Title, h.Description, h.Language, HelpPaths.Article(tenant, h.Language, h)))], result.Corrections));
    }

    private static async Task<Results<Accepted<WidgetContactReceiptDto>, ProblemHttpResult, ValidationProblem>> ContactAsync(
        string tenant, WidgetContactRequest request, HttpContext http, WidgetTokens tokens, WidgetOriginPolicy origins, WidgetContactThrottle throttle, IClusterClient grains)
    {
        var validation = new RequestValidation();
        if (!request.IsWellFormed(validation)) return TypedResults.ValidationProblem(validation.Errors);
        var (session, refusal) = await SessionAsync(tenant, http.Request, tokens, origins);
        if (session is null) return refusal!;
        if (!session.IsVerified && !request.NamesTheWriter(validation)) return TypedResults.ValidationProblem(validation.Errors);
        // Counted once a form would really be taken: a refused one opens nothing and costs nothing.
        if (throttle.Refusal(http) is { } wait) return TooManyRequests.Problem(http.Response, wait);

        CustomerContact author;
        string customerId;
        if (session.IsVerified)
        {
            customerId = session.CustomerId!;
            author = await grains.GetGrain<ICustomerGrain>(TenantKeys.For(tenant, customerId)).GetContactAsync(session.ContactId!);
        }
        else if (await ContactOfAsync(grains, tenant, request.Email!) is { } known)
        {
            // The same trust as a mail to the support address: the case is the contact's customer's, and the answer goes
            // to that contact by email. Nothing of it is shown in the widget.
            customerId = known.CustomerId;
            author = await grains.GetGrain<ICustomerGrain>(TenantKeys.For(tenant, customerId)).GetContactAsync(known.ContactId);
        }
        else
        {
            // Nobody's email: a new customer with this person as its contact, as a request form on a website makes one.
            customerId = TenantKeys.NewId();
            var customer = grains.GetGrain<ICustomerGrain>(TenantKeys.For(tenant, customerId));
            var name = request.Name!.Trim();
            await customer.CreateAsync(new NewCustomer(name, CustomerKind.Residential));
            author = await customer.AddContactAsync(new NewContact(name, EmailAddress.Normalize(request.Email!), null, ContactRole.Owner, []));
        }

        var opened = await grains.GetGrain<ICaseGrain>(TenantKeys.For(tenant, TenantKeys.NewId())).OpenAsync(new NewCase(
            customerId, MessageAuthor.Customer(author.ContactId, author.Name), CaseChannel.Widget, CaseCategory.Question, CasePriority.Normal,
            request.SubjectOrFirstLine(), request.Message!.Trim(), []));
        return TypedResults.Accepted((string?)null, new WidgetContactReceiptDto(session.IsVerified ? opened.DisplayNumber : null));
    }

    private static async Task<Results<Ok<WidgetCaseDto[]>, ProblemHttpResult>> CasesAsync(
        string tenant, HttpRequest http, WidgetTokens tokens, WidgetOriginPolicy origins, ISupportCaseIndex index, CancellationToken cancellationToken)
    {
        var (session, refusal) = await VerifiedSessionAsync(tenant, http, tokens, origins);
        if (session is null) return refusal!;
        var rows = await index.QueueAsync(tenant, new SupportCaseQuery(CustomerId: session.CustomerId), CasesShown * 5, cancellationToken);
        return TypedResults.Ok(rows.Where(r => r.OpenedByContactId == session.ContactId).Take(CasesShown)
            .Select(r => new WidgetCaseDto(CaseNumbers.Display(r.Number), r.Subject, r.Status.ToString(), r.UpdatedAt)).ToArray());
    }

    /// <summary>
    /// The session of a widget call: its bearer token, issued for this company, sent from the origin it was issued to,
    /// which the company still allows. Otherwise the refusal to answer (401 without a good token, 403 from elsewhere).
    /// </summary>
    private static async Task<(WidgetSession? Session, ProblemHttpResult? Refusal)> SessionAsync(string tenant, HttpRequest http, WidgetTokens tokens, WidgetOriginPolicy origins)
    {
        var header = http.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        if (tokens.Read(token) is not { } session || session.TenantId != tenant)
            return (null, TypedResults.Problem(title: "No widget session.", detail: "The widget's session is missing or has expired: start a new one.",
                statusCode: StatusCodes.Status401Unauthorized));
        if (WidgetOrigins.Normalize(http.Headers.Origin.ToString()) != session.Origin || await origins.AllowedAsync(tenant, session.Origin) is null)
            return (null, TypedResults.Problem(title: "Not available on this website.", detail: "This session belongs to another website, or the company no longer allows this one.",
                statusCode: StatusCodes.Status403Forbidden));
        return (session, null);
    }

    /// <summary>As <see cref="SessionAsync"/>, and only a verified visitor's (403 otherwise): what reads a customer's history.</summary>
    internal static async Task<(WidgetSession? Session, ProblemHttpResult? Refusal)> VerifiedSessionAsync(string tenant, HttpRequest http, WidgetTokens tokens, WidgetOriginPolicy origins)
    {
        var (session, refusal) = await SessionAsync(tenant, http, tokens, origins);
        if (session is null || session.IsVerified) return (session, refusal);
        return (null, TypedResults.Problem(title: "Not signed in.", detail: "Only a visitor signed in on the company's website can see their requests and conversation here.",
            statusCode: StatusCodes.Status403Forbidden));
    }

    /// <summary>The contact of the company's customers with this email (the first, as mail to the support address takes), or null.</summary>
    private static async Task<ContactRef?> ContactOfAsync(IClusterClient grains, string tenant, string email) =>
        (await grains.GetGrain<IContactEmailGrain>(EmailAddress.Normalize(email)).GetAsync()).FirstOrDefault(c => c.TenantId == tenant);
}

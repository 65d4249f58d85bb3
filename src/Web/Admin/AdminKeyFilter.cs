using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace OrleansPortal.Web.Admin;

/// <summary>Lets a request through only with the configured X-Admin-Key (compared in constant time).</summary>
public sealed class AdminKeyFilter(IOptions<AdminOptions> options) : IEndpointFilter
{
    public const string HeaderName = "X-Admin-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var configured = options.Value.ApiKey;
        if (string.IsNullOrEmpty(configured))
            return TypedResults.Problem(title: "The admin API is disabled.", detail: "Set Admin__ApiKey to enable it.", statusCode: StatusCodes.Status403Forbidden);

        if (!IsOperator(context.HttpContext, options.Value))
            return TypedResults.Problem(title: $"A valid {HeaderName} header is required.", statusCode: StatusCodes.Status401Unauthorized);

        return await next(context);
    }

    /// <summary>Whether the request carries the configured admin key (never true while the admin API is disabled).</summary>
    public static bool IsOperator(HttpContext http, AdminOptions options)
    {
        var configured = options.ApiKey;
        if (string.IsNullOrEmpty(configured)) return false;
        var given = http.Request.Headers[HeaderName].ToString();
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(configured));
    }
}

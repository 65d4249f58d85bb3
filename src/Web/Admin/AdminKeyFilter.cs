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

        var given = context.HttpContext.Request.Headers[HeaderName].ToString();
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(configured)))
            return TypedResults.Problem(title: $"A valid {HeaderName} header is required.", statusCode: StatusCodes.Status401Unauthorized);

        return await next(context);
    }
}

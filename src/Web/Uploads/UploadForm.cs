using Microsoft.AspNetCore.Http.Features;

namespace OrleansPortal.Web.Uploads;

/// <summary>Reads a multipart form by hand (uploads); a broken one is the client's mistake, answered 400, never the server's.</summary>
public static class UploadForm
{
    /// <returns>The form, or null and why it could not be read.</returns>
    public static async Task<(IFormCollection? Form, string? Problem)> ReadAsync(HttpRequest request, FormOptions? options, CancellationToken cancellationToken)
    {
        try
        {
            return (options is null ? await request.ReadFormAsync(cancellationToken) : await request.ReadFormAsync(options, cancellationToken), null);
        }
        // InvalidDataException: a malformed or oversized multipart body; IOException: one that ends before its closing
        // boundary. Kestrel's BadHttpRequestException is an IOException too, but carries its own status (413 past the
        // body limit): the exception handler answers it.
        catch (Exception ex) when (ex is InvalidDataException || (ex is IOException && ex is not BadHttpRequestException))
        {
            return (null, ex.Message);
        }
    }
}

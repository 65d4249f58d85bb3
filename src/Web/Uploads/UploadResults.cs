using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace OrleansPortal.Web.Uploads;

/// <summary>
/// How every stored upload goes back to a browser, including files stored before uploads were re-encoded. The type is
/// the one proven at upload and the browser must not guess another (nosniff); opened directly, the file can run nothing
/// (a sandboxing CSP); and it carries a name we make from its id and type, never one a client sent: an image inline, so
/// an img element shows it, anything else as a download.
/// </summary>
public static class UploadResults
{
    public static FileStreamHttpResult Serve(HttpResponse response, Stream content, string contentType, string id)
    {
        var headers = response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        headers.CacheControl = "private, max-age=3600";
        headers.ContentDisposition = new ContentDispositionHeaderValue(Extension(contentType) is null ? "attachment" : "inline")
        {
            FileName = FileName(id, contentType),
        }.ToString();
        return TypedResults.File(content, contentType);
    }

    /// <summary>The name an upload is shown and saved under: "photo-{id}.jpg" and the like.</summary>
    public static string FileName(string id, string contentType) => $"photo-{id}.{Extension(contentType) ?? "bin"}";

    /// <summary>The extension of the image types uploads are stored as (WebP only in files stored before re-encoding); null for anything else.</summary>
    private static string? Extension(string contentType) => contentType switch
    {
        "image/jpeg" => "jpg",
        "image/png" => "png",
        "image/webp" => "webp",
        _ => null,
    };
}

using Microsoft.AspNetCore.Http.HttpResults;
using OrleansPortal.Grains.Documents;

namespace OrleansPortal.Web.Documents;

/// <summary>Serves a photo the caller was already allowed to see, with the content type proven at upload.</summary>
public static class PhotoResults
{
    public static Results<FileStreamHttpResult, NotFound> Serve(HttpContext http, PhotoStore store, JobReport report, string photoId)
    {
        var photo = report.Photos.FirstOrDefault(p => p.PhotoId == photoId);
        if (photo is null || store.OpenRead(photo.PhotoId) is not { } stream) return TypedResults.NotFound();
        // nosniff: the browser must not second-guess the stored type; the CSP keeps a crafted file inert even if opened directly.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        http.Response.Headers.CacheControl = "private, max-age=3600";
        return TypedResults.File(stream, photo.ContentType);
    }
}

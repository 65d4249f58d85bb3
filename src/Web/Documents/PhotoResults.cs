using Microsoft.AspNetCore.Http.HttpResults;
using OrleansPortal.Grains.Documents;
using OrleansPortal.Web.Uploads;

namespace OrleansPortal.Web.Documents;

/// <summary>Serves a photo the caller was already allowed to see, the way every upload is served (<see cref="UploadResults"/>).</summary>
public static class PhotoResults
{
    public static Results<FileStreamHttpResult, NotFound> Serve(HttpContext http, PhotoStore store, JobReport report, string photoId)
    {
        var photo = report.Photos.FirstOrDefault(p => p.PhotoId == photoId);
        if (photo is null || store.OpenRead(photo.PhotoId) is not { } stream) return TypedResults.NotFound();
        return UploadResults.Serve(http.Response, stream, photo.ContentType, photo.PhotoId);
    }
}

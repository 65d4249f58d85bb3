using Microsoft.AspNetCore.Http.HttpResults;
using OrleansPortal.Web.Documents;
using OrleansPortal.Web.Uploads;

namespace OrleansPortal.Web.Support.Feedback;

/// <summary>Serves a review's photo (or its thumbnail) once the caller was allowed to see it, as every upload is served.</summary>
public static class ReviewPhotos
{
    public static async Task<Results<FileStreamHttpResult, NotFound>> ServeAsync(HttpResponse response, PhotoStore store, string photoId, bool thumbnail, CancellationToken cancellationToken) =>
        await (thumbnail ? store.OpenThumbnailAsync(photoId, cancellationToken) : store.OpenWithTypeAsync(photoId, cancellationToken)) is { } photo
            ? UploadResults.Serve(response, photo.Content, photo.ContentType, photoId)
            : TypedResults.NotFound();
}

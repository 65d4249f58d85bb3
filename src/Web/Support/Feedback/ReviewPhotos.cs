using Microsoft.AspNetCore.Http.HttpResults;
using OrleansPortal.Web.Documents;
using OrleansPortal.Web.Uploads;

namespace OrleansPortal.Web.Support.Feedback;

/// <summary>Serves a review's photo (or its thumbnail) once the caller was allowed to see it, as every upload is served.</summary>
public static class ReviewPhotos
{
    public static async Task<Results<FileStreamHttpResult, NotFound>> ServeAsync(HttpResponse response, PhotoStore store, string photoId, bool thumbnail, CancellationToken cancellationToken)
    {
        if (thumbnail)
        {
            if (await store.OpenThumbnailAsync(photoId, cancellationToken) is not { } small) return TypedResults.NotFound();
            return UploadResults.Serve(response, small.Content, small.ContentType, photoId);
        }

        if (store.OpenRead(photoId) is not { } stream) return TypedResults.NotFound();
        // Stored photos were re-encoded by ImageSanitizer: their first bytes say JPEG or PNG.
        var head = new byte[12];
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        stream.Position = 0;
        return UploadResults.Serve(response, stream, ImageFormat.Detect(head.AsSpan(0, read)) ?? "image/jpeg", photoId);
    }
}

using Microsoft.Extensions.Options;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Uploads;

namespace OrleansPortal.Web.Documents;

/// <summary>
/// Reads one photo from a multipart form (field "photo", optional "caption"): refused with field errors when the form is
/// malformed, the file is missing or too large, or its bytes are not a JPEG, PNG or WebP image that decodes. What it hands
/// on is the image re-encoded by <see cref="ImageSanitizer"/>, never the bytes that arrived.
/// </summary>
public sealed class PhotoUpload(IOptions<DocumentsOptions> options)
{
    public const int MaxCaptionLength = 300;

    // Room for the multipart boundaries, headers and caption around the file itself.
    private const long FormOverhead = 64 * 1024;

    public long MaxBytes => options.Value.MaxPhotoBytes;

    /// <summary>The request body limit of an endpoint taking one photo: the photo and the rest of its form.</summary>
    public long MaxRequestBytes => MaxBytes + FormOverhead;

    /// <summary>That limit, for an endpoint mapped on <paramref name="endpoints"/>.</summary>
    public static long MaxRequestBytesOf(IEndpointRouteBuilder endpoints) => endpoints.ServiceProvider.GetRequiredService<PhotoUpload>().MaxRequestBytes;

    public async Task<(ReceivedPhoto? Photo, Dictionary<string, string[]> Errors)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType) return Refuse("photo", "Send the photo as multipart/form-data in the field \"photo\".");
        if (request.ContentLength > MaxRequestBytes) return Refuse("photo", TooLarge);

        var (form, unreadable) = await UploadForm.ReadAsync(request, new Microsoft.AspNetCore.Http.Features.FormOptions { MultipartBodyLengthLimit = MaxRequestBytes }, cancellationToken);
        if (form is null) return Refuse("photo", "The form could not be read: " + unreadable);

        var caption = form["caption"].ToString().Trim();
        var captionCheck = new RequestValidation().Text(caption, "caption", MaxCaptionLength, $"A caption has at most {MaxCaptionLength} characters.", required: false);
        if (!captionCheck.IsValid) return (null, captionCheck.Errors);
        if (form.Files.GetFile("photo") is not { } file || file.Length == 0) return Refuse("photo", "A photo file in the field \"photo\" is required.");
        if (file.Length > MaxBytes) return Refuse("photo", TooLarge);

        var (image, problem) = await ImageSanitizer.SanitizeAsync(file, cancellationToken);
        if (image is null) return Refuse("photo", problem!);
        return (new ReceivedPhoto(image.Bytes, image.ContentType, caption.Length == 0 ? null : caption), []);
    }

    private string TooLarge => $"A photo can be at most {MaxBytes / (1024 * 1024)} MB.";

    private static (ReceivedPhoto?, Dictionary<string, string[]>) Refuse(string field, string message) => (null, new() { [field] = [message] });
}

public sealed record ReceivedPhoto(byte[] Bytes, string ContentType, string? Caption);

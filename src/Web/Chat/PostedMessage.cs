using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Conversations;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Uploads;

namespace OrleansPortal.Web.Chat;

/// <summary>The JSON form of a post, for messages without images.</summary>
public sealed record PostMessageRequest([property: MaxLength(MessageRules.MaxTextLength)] string? Text, bool? Internal);

/// <summary>
/// A message as it arrived, as JSON ({text, internal}) or as multipart form data (fields "text" and "internal", any
/// number of image files), checked against <see cref="MessageRules"/> before anything is stored. Chat takes images only
/// (JPEG, PNG, WebP), each decoded and re-encoded by <see cref="ImageSanitizer"/>: the type comes from the bytes, and
/// the client's file name is used in problem messages to the poster and nowhere else.
/// </summary>
public sealed record PostedMessage(string Text, bool Internal, IReadOnlyList<CleanImage> Images)
{
    /// <summary>The request body limit of a post: its images at their largest, and room for the text and the form around them.</summary>
    public const long MaxRequestBytes = MessageRules.MaxAttachments * MessageRules.MaxAttachmentBytes + InputLimits.JsonBodyBytes;

    public static async Task<(PostedMessage? Message, PostRefusal? Refusal)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        string text;
        bool isInternal;
        IFormFileCollection files;
        if (request.HasFormContentType)
        {
            var (form, unreadable) = await UploadForm.ReadAsync(request, options: null, cancellationToken);
            if (form is null) return (null, Problem(StatusCodes.Status400BadRequest, "The form data cannot be read.", unreadable!));

            text = form["text"].ToString();
            isInternal = form["internal"].ToString() is "true" or "on" or "1";
            files = form.Files;
        }
        else if (request.HasJsonContentType())
        {
            PostMessageRequest? body;
            try
            {
                body = await request.ReadFromJsonAsync<PostMessageRequest>(cancellationToken);
            }
            catch (JsonException ex)
            {
                return (null, Problem(StatusCodes.Status400BadRequest, "The JSON body cannot be read.", ex.Message));
            }

            text = body?.Text ?? "";
            isInternal = body?.Internal ?? false;
            files = new FormFileCollection();
        }
        else
        {
            return (null, Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type.", "Send JSON, or multipart/form-data when attaching images."));
        }

        if (files.Count > MessageRules.MaxAttachments)
            return (null, Invalid("files", $"At most {MessageRules.MaxAttachments} images per message."));
        if (files.FirstOrDefault(f => f.Length > MessageRules.MaxAttachmentBytes) is { } big)
            return (null, Problem(StatusCodes.Status413PayloadTooLarge, "An image is too large.", $"'{FileName(big)}' has {big.Length} bytes; at most {MessageRules.MaxAttachmentBytes} (5 MB) per image."));

        var images = new List<CleanImage>();
        foreach (var file in files)
        {
            var (image, refused) = await ImageSanitizer.SanitizeAsync(file, cancellationToken);
            if (image is null) return (null, Invalid("files", $"'{FileName(file)}': {refused}"));
            images.Add(image);
        }

        if (MessageRules.TextProblem(text, images.Count) is { } problem) return (null, Invalid("text", problem));
        if (!PlainText.IsClean(text, multiline: true)) return (null, Invalid("text", PlainText.Problem("text")));
        return (new PostedMessage(text.Trim(), isInternal, images), null);
    }

    // Shown back to the poster in problem messages, so only the last path segment, shortened, without control characters.
    private static string FileName(IFormFile file)
    {
        var name = new string(Path.GetFileName(file.FileName ?? "").Where(c => !char.IsControl(c)).ToArray()).Trim();
        return name.Length == 0 ? "image" : name[..Math.Min(name.Length, 100)];
    }

    private static PostRefusal Invalid(string field, string message) =>
        new(TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }), null);

    private static PostRefusal Problem(int status, string title, string detail) =>
        new(null, TypedResults.Problem(title: title, detail: detail, statusCode: status));
}

/// <summary>Why a post was refused: a field error (400) or a problem of the whole request (400, 413, 415).</summary>
public sealed record PostRefusal(ValidationProblem? Validation, ProblemHttpResult? Problem);

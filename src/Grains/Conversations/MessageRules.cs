namespace OrleansPortal.Grains.Conversations;

/// <summary>The limits of a message, checked at the web edge (to answer 400) and again by the grain (which trusts no caller).</summary>
public static class MessageRules
{
    public const int MaxTextLength = 4000;
    public const int MaxAttachments = 4;
    public const long MaxAttachmentBytes = 5 * 1024 * 1024;
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 50;

    /// <summary>Text is required unless the message carries at least one image (a photo needs no caption).</summary>
    public static string? TextProblem(string? text, int attachmentCount)
    {
        var length = text?.Trim().Length ?? 0;
        if (length > MaxTextLength) return $"The text can have at most {MaxTextLength} characters.";
        if (length == 0 && attachmentCount == 0) return "A message needs text (1 to 4000 characters) or an image.";
        return null;
    }
}

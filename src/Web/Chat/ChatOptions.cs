namespace OrleansPortal.Web.Chat;

/// <summary>Settings of the "Chat" section.</summary>
public sealed class ChatOptions
{
    public const string SectionName = "Chat";

    /// <summary>Where images sent in chat are kept; default "data/attachments" under the app's content root, beside the SQLite file.</summary>
    public string? AttachmentDirectory { get; set; }
}

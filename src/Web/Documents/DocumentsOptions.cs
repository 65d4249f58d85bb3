namespace OrleansPortal.Web.Documents;

/// <summary>Documents and job photos ("Documents" section).</summary>
public sealed class DocumentsOptions
{
    public const string SectionName = "Documents";

    /// <summary>Where photo files are kept; default "data/blobs" under the app's content root, next to the embedded database.</summary>
    public string? BlobDirectory { get; set; }

    /// <summary>The largest photo accepted, in bytes (8 MB): a phone's full-resolution JPEG fits, a video does not.</summary>
    public long MaxPhotoBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>
    /// A directory with the PDF reports' font files (DejaVuSans.ttf and DejaVuSans-Bold.ttf, or Liberation Sans, or Arial),
    /// looked in before the system's font directories. Read once per process.
    /// </summary>
    public string? FontDirectory { get; set; }
}

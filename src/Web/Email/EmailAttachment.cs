namespace OrleansPortal.Web.Email;

/// <summary>A file sent with a mail (a job report, an invoice): its name as the reader sees it, its MIME type and its bytes.</summary>
public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

namespace OrleansPortal.Web.Uploads;

/// <summary>An upload after <see cref="ImageSanitizer"/>: bytes we encoded (never the ones that arrived), and their type.</summary>
public sealed record CleanImage(byte[] Bytes, string ContentType);

using Microsoft.Extensions.Options;
using OrleansPortal.Grains;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Uploads;

namespace OrleansPortal.Web.Documents;

/// <summary>
/// Photo bytes on disk, one file per photo, named by a random id this store makes: no path ever comes from a request, and
/// an id is checked to be 32 hex characters before it names a file. Who may read a photo is decided before the store is
/// asked, by the job report that lists the id.
/// </summary>
public sealed class PhotoStore(IOptions<DocumentsOptions> options, IHostEnvironment environment)
{
    private readonly string _directory = Path.GetFullPath(options.Value.BlobDirectory ?? Path.Combine(environment.ContentRootPath, "data", "blobs"));

    /// <summary>Stores the bytes under a new id. Written to a temporary name and renamed, so a reader never sees half a photo.</summary>
    public async Task<string> SaveAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var id = TenantKeys.NewId();
        var path = PathOf(id);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".partial";
        await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
        File.Move(temporary, path);
        return id;
    }

    /// <summary>The photo's bytes for reading, or null when there is no such file.</summary>
    public Stream? OpenRead(string id)
    {
        if (!ResourceId.IsValid(id)) return null;
        var path = PathOf(id);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true) : null;
    }

    /// <summary>
    /// The photo's thumbnail (<see cref="ImageSanitizer.ThumbnailSide"/>) and its type, made from the photo the first time
    /// it is asked for and kept beside it; null when there is no such photo or it does not decode. Two requests at once
    /// may both make it: each writes its own temporary file and the last rename wins, with the same bytes.
    /// </summary>
    public async Task<(Stream Content, string ContentType)?> OpenThumbnailAsync(string id, CancellationToken cancellationToken)
    {
        if (!ResourceId.IsValid(id)) return null;
        var path = PathOf(id) + ThumbnailSuffix;
        if (!File.Exists(path))
        {
            var original = PathOf(id);
            if (!File.Exists(original)) return null;
            if (await ImageSanitizer.ThumbnailAsync(await File.ReadAllBytesAsync(original, cancellationToken), cancellationToken) is not { } thumbnail) return null;
            var temporary = $"{path}.{TenantKeys.NewId()}.partial";
            await File.WriteAllBytesAsync(temporary, thumbnail.Bytes, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }

        // Thumbnails are written by ImageSanitizer only: JPEG, or PNG for pictures with transparency.
        return await WithTypeAsync(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 16 * 1024, useAsync: true), cancellationToken);
    }

    /// <summary>
    /// The photo's bytes and their type, read from the first bytes (photos stored since uploads were re-encoded are JPEG
    /// or PNG); null when there is no such photo. For readers that kept the id but not the type (a review's photos).
    /// </summary>
    public async Task<(Stream Content, string ContentType)?> OpenWithTypeAsync(string id, CancellationToken cancellationToken) =>
        OpenRead(id) is { } stream ? await WithTypeAsync(stream, cancellationToken) : null;

    private static async Task<(Stream Content, string ContentType)> WithTypeAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = new byte[12];
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        stream.Position = 0;
        return (stream, ImageFormat.Detect(head.AsSpan(0, read)) ?? "image/jpeg");
    }

    private const string ThumbnailSuffix = ".thumb";

    // Two-character fan-out keeps any one directory small.
    private string PathOf(string id) => Path.Combine(_directory, "photos", id[..2], id);
}

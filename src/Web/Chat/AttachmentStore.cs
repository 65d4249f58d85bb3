using Microsoft.Extensions.Options;

namespace OrleansPortal.Web.Chat;

/// <summary>
/// Image bytes of chat messages, as files "{directory}/{tenant}/{id}" with a random id. Grain state is JSON rewritten on
/// every change, so blobs do not belong there; the grain keeps only the id, type and size. Files rather than a table
/// in the storage database: images are written once and read whole, which a file does with no base64 and no
/// database round trips, and the app is one process with one data directory (see docs/chat.md for the trade-off).
/// Who may read a file is decided before this store is asked: the id alone opens nothing over HTTP.
/// </summary>
public sealed class AttachmentStore(IOptions<ChatOptions> options, IHostEnvironment environment)
{
    private readonly string _root = options.Value.AttachmentDirectory is { Length: > 0 } configured
        ? Path.GetFullPath(configured)
        : Path.Combine(environment.ContentRootPath, "data", "attachments");

    /// <summary>Writes the bytes to a new file and answers its id.</summary>
    public async Task<string> SaveAsync(string tenantId, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var id = Grains.TenantKeys.NewId();
        var path = PathFor(tenantId, id);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await file.WriteAsync(bytes, cancellationToken);
        return id;
    }

    /// <summary>The file for reading, or null when it is gone.</summary>
    public Stream? OpenRead(string tenantId, string id)
    {
        var path = PathFor(tenantId, id);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    // Tenant ids come from claims and attachment ids from us, but both become path segments: anything that could climb
    // out of the directory is refused outright.
    private string PathFor(string tenantId, string id)
    {
        if (!IsSafeSegment(tenantId) || !Hosting.ResourceId.IsValid(id)) throw new ArgumentException("Not a valid attachment address.");
        return Path.Combine(_root, tenantId, id);
    }

    private static bool IsSafeSegment(string segment) => segment.Length is > 0 and <= 64 && segment.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}

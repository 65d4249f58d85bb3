using System.Buffers;

namespace OrleansPortal.Web.Tracking.Protocols;

/// <summary>
/// A request body read whole into a pooled buffer, at most <see cref="MaxBytes"/>. Dispose returns the buffer, so
/// nothing read from <see cref="Span"/> or <see cref="Memory"/> may outlive it.
/// </summary>
internal sealed class RequestBody : IDisposable
{
    public const int MaxBytes = 1024 * 1024;
    private const int FirstBufferBytes = 4096;

    private byte[]? _buffer;
    private readonly int _length;

    private RequestBody(byte[]? buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, _length);

    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, _length);

    public bool IsBlank => Span.Trim(" \t\r\n"u8).IsEmpty;

    /// <summary>
    /// The body, or null with an error under "body" when it is too large or the connection fails mid-body.
    /// Only cancellation of <paramref name="cancellationToken"/> escapes as an exception.
    /// </summary>
    public static async Task<RequestBody?> ReadAsync(HttpRequest request, ProtocolErrors errors, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            errors.Add("body", TooLarge);
            return null;
        }
        if (request.ContentLength == 0)
            return new RequestBody(null, 0);

        var buffer = ArrayPool<byte>.Shared.Rent(request.ContentLength is { } declared ? (int)declared + 1 : FirstBufferBytes);
        var length = 0;
        var handedOver = false;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                    buffer = Grow(buffer, length);
                var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                    break;
                length += read;
                if (length > MaxBytes)
                {
                    errors.Add("body", TooLarge);
                    return null;
                }
            }
            handedOver = true;
            return new RequestBody(buffer, length);
        }
        // Kestrel's BadHttpRequestException (bad chunking, body limits, slow client) is an IOException; a failing
        // request-decompression stream throws InvalidDataException. Both are the client's doing, not a server fault.
        catch (Exception ex) when (ex is IOException or InvalidDataException
                                   || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            errors.Add("body", "the request body could not be read to the end");
            return null;
        }
        finally
        {
            if (!handedOver)
                ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public void Dispose()
    {
        if (_buffer is not null)
            ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = null;
    }

    private static string TooLarge => $"the request body is larger than {MaxBytes / 1024 / 1024} MiB";

    private static byte[] Grow(byte[] buffer, int length)
    {
        // One byte past the limit is enough to tell "exactly 1 MiB" from "too large".
        var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxBytes + 1));
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}

namespace OrleansPortal.Web.Tests.Tracking.Protocols;

/// <summary>A body whose connection drops after a few bytes, as Kestrel reports it (an IOException).</summary>
internal sealed class FailingStream : Stream
{
    private bool _sentFirstBytes;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_sentFirstBytes)
            throw new IOException("The client disconnected.");
        _sentFirstBytes = true;
        "id=d&"u8.CopyTo(buffer.Span);
        return ValueTask.FromResult(5);
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;

namespace OrleansPortal.Benchmarks.Pings;

/// <summary>
/// A client WebSocket whose reads block the calling thread in the socket's receive, never waiting in the thread pool.
/// The benchmark's dashboard runs in the same process as its senders, whose continuations keep this process's thread
/// pool busy; with <see cref="ClientWebSocket"/> every receive completion waits its turn there, the dashboard drains
/// its socket late, and the server's sends to it stall on a full socket: the benchmark would measure its own
/// queueing. A dispatcher's browser runs on another machine and reads at once. The opening handshake (RFC 6455,
/// section 4.1) is written here only because ClientWebSocket cannot be given a stream; framing is the runtime's
/// (<see cref="WebSocket.CreateFromStream(Stream, WebSocketCreationOptions)"/>). Plain ws:// only.
/// </summary>
internal static class BlockingWebSocket
{
    public static WebSocket Connect(Uri uri, string cookie)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.Connect(uri.Host, uri.Port);
        var stream = new NetworkStream(socket, ownsSocket: true);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var request = $"GET {uri.PathAndQuery} HTTP/1.1\r\nHost: {uri.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
                      $"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nCookie: {cookie}\r\n\r\n";
        stream.Write(Encoding.ASCII.GetBytes(request));

        var head = ReadHead(stream);
        if (!head.StartsWith("HTTP/1.1 101", StringComparison.Ordinal))
            throw new InvalidOperationException($"The server refused the WebSocket: {head.Split("\r\n")[0]}");
        var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
        if (!head.Contains($"Sec-WebSocket-Accept: {accept}", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException("The server's Sec-WebSocket-Accept does not answer our key.");
        return WebSocket.CreateFromStream(new BlockingReads(stream), new WebSocketCreationOptions { IsServer = false, KeepAliveInterval = TimeSpan.Zero });
    }

    // Byte by byte up to the blank line, so nothing after the head (the first frames) is read here.
    private static string ReadHead(NetworkStream stream)
    {
        var head = new StringBuilder();
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            var b = stream.ReadByte();
            if (b < 0) throw new IOException("The connection closed during the WebSocket handshake.");
            head.Append((char)b);
        }

        return head.ToString();
    }

    /// <summary>Reads complete synchronously, on the reader's thread; writes stay asynchronous.</summary>
    private sealed class BlockingReads(NetworkStream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(inner.Read(buffer.Span));
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(inner.Read(buffer, offset, count));
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => inner.WriteAsync(buffer, cancellationToken);
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.WriteAsync(buffer, offset, count, cancellationToken);
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
        public override void Flush() => inner.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}

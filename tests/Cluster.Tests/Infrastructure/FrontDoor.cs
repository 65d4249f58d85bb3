using System.Net;
using System.Net.Sockets;

namespace OrleansPortal.Cluster.Tests.Infrastructure;

/// <summary>
/// The front door of docker-compose.yml (nginx) reduced to what failover needs, as a TCP forwarder on loopback: every
/// new connection goes to the first node, in order, that accepts it. While the first node lives, everything reaches
/// it (as nginx's ip_hash does for clients of one address); once it is dead, its port refuses and new connections
/// reach the next (nginx's proxy_next_upstream on a connection error). Open connections to a node that dies break,
/// as they do through nginx, and the clients' own reconnects come back through here.
/// </summary>
public sealed class FrontDoor : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IReadOnlyList<Uri> _nodes;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Socket> _open = [];
    private readonly Task _accepting;

    public FrontDoor(IReadOnlyList<Uri> nodes)
    {
        _nodes = nodes;
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _accepting = Task.Run(AcceptAsync);
    }

    public Uri Address { get; }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _ = Task.Run(() => ForwardAsync(client));
        }
    }

    private async Task ForwardAsync(Socket client)
    {
        var upstream = await ConnectFirstAsync();
        if (upstream is null)
        {
            client.Dispose(); // no node accepts: the client sees the connection close, as with a front door whose upstreams are all down
            return;
        }

        lock (_open) _open.AddRange([client, upstream]);
        using (client)
        using (upstream)
        {
            // Either direction ending (a close, or the node's socket reset by its death) ends both.
            await Task.WhenAny(PumpAsync(client, upstream), PumpAsync(upstream, client));
        }

        lock (_open)
        {
            _open.Remove(client);
            _open.Remove(upstream);
        }
    }

    private async Task<Socket?> ConnectFirstAsync()
    {
        foreach (var node in _nodes)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                using var limit = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                limit.CancelAfter(TimeSpan.FromSeconds(2));
                await socket.ConnectAsync(IPAddress.Loopback, node.Port, limit.Token);
                return socket;
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException)
            {
                socket.Dispose(); // refused or unreachable: try the next node
            }
        }

        return null;
    }

    private static async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None);
                if (read == 0) return;
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // One side reset or was closed: the pair is done.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        lock (_open)
        {
            foreach (var socket in _open) socket.Dispose();
        }

        _stop.Dispose();
    }
}

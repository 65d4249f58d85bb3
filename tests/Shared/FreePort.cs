using System.Net;
using System.Net.Sockets;

namespace OrleansPortal.Testing;

/// <summary>
/// TCP ports for silos that tests start in parallel. Taken below the kernel's ephemeral range (32768 and up), so an
/// outgoing connection cannot be handed the port between this check and the silo binding it, and never handed out
/// twice in one test process.
/// </summary>
public static class FreePort
{
    private static readonly HashSet<int> Given = [];

    public static int Next()
    {
        lock (Given)
        {
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                var port = Random.Shared.Next(20_000, 32_000);
                if (Given.Contains(port) || !IsFree(port)) continue;
                Given.Add(port);
                return port;
            }
        }

        throw new InvalidOperationException("No free TCP port between 20000 and 32000.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Any, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

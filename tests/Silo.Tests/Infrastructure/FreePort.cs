using System.Net;
using System.Net.Sockets;

namespace OrleansPortal.Silo.Tests.Infrastructure;

/// <summary>Tests run in parallel, so every silo (and every "nothing listens here" address) gets a port nobody holds right now.</summary>
public static class FreePort
{
    public static int Next()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

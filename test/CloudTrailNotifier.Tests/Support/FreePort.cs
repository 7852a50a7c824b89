using System.Net;
using System.Net.Sockets;

namespace CloudTrailNotifier.Tests.Support;

/// <summary>A loopback TCP port nobody is listening on right now.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

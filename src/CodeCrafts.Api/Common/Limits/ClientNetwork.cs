using System.Net;
using System.Net.Sockets;

namespace CodeCrafts.Api.Common.Limits;

/// <summary>
/// The client's network, the unit that network limits count: IPv4 /24 and IPv6 /64, because one subscriber (a home
/// router, a phone's carrier) usually owns the whole block, so per-address limits would be trivial to dodge.
/// The address is the TCP peer's; behind a reverse proxy it is the proxy's unless the proxy is listed in
/// <c>ForwardedHeaders:KnownProxies</c> or <c>KnownNetworks</c> (<see cref="ForwardedHeadersSetup"/>): forwarded headers
/// from anyone else are ignored.
/// </summary>
internal static class ClientNetwork
{
    public static string Of(HttpContext context) => Of(context.Connection.RemoteIpAddress);

    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        var bytes = address.GetAddressBytes();
        var prefix = address.AddressFamily == AddressFamily.InterNetworkV6 ? 64 : 24;
        Array.Clear(bytes, prefix / 8, bytes.Length - prefix / 8);
        return $"{new IPAddress(bytes)}/{prefix}";
    }
}

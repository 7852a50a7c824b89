using System.Net;
using System.Net.Sockets;

namespace CloudTrailNotifier.Matching;

/// <summary>
/// <c>{"cidr": "10.0.0.0/24"}</c> (IPv4 or IPv6): strings that are an IP address inside the block. Only plain
/// addresses count: dotted-quad IPv4 and colon-hex IPv6, no zone, no short forms such as "10.1".
/// </summary>
internal sealed class CidrMatcher : LeafMatcher
{
    private readonly byte[] _network;
    private readonly int _prefixLength;
    private readonly AddressFamily _family;

    private CidrMatcher(byte[] network, int prefixLength, AddressFamily family)
    {
        _network = network;
        _prefixLength = prefixLength;
        _family = family;
    }

    /// <summary>The matcher, or null when the text is not ADDRESS/LENGTH.</summary>
    public static CidrMatcher? Parse(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0
            || !TryParseAddress(text[..slash], out var address)
            || !int.TryParse(text.AsSpan(slash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length))
        {
            return null;
        }

        var bytes = address.GetAddressBytes();
        return length > bytes.Length * 8 ? null : new CidrMatcher(bytes, length, address.AddressFamily);
    }

    public override bool Matches(in Leaf leaf)
    {
        if (leaf.Kind != LeafKind.String || !TryParseAddress(leaf.Text!, out var address) || address.AddressFamily != _family)
        {
            return false;
        }

        var bytes = address.GetAddressBytes();
        var whole = _prefixLength / 8;
        for (var i = 0; i < whole; i++)
        {
            if (bytes[i] != _network[i])
            {
                return false;
            }
        }

        var rest = _prefixLength % 8;
        if (rest == 0)
        {
            return true;
        }

        var mask = (byte)(0xFF << (8 - rest));
        return (bytes[whole] & mask) == (_network[whole] & mask);
    }

    /// <summary>.NET also reads "10.1", "0x0a.0.0.1" and "fe80::1%eth0" as addresses; a CloudTrail field never means those.</summary>
    private static bool TryParseAddress(string text, out IPAddress address)
    {
        address = IPAddress.None;
        if (text.Contains(':', StringComparison.Ordinal))
        {
            return !text.Contains('%', StringComparison.Ordinal)
                && IPAddress.TryParse(text, out address!)
                && address.AddressFamily == AddressFamily.InterNetworkV6;
        }

        var octets = text.Split('.');
        if (octets.Length != 4)
        {
            return false;
        }

        foreach (var octet in octets)
        {
            if (octet.Length is 0 or > 3 || (octet.Length > 1 && octet[0] == '0') || !octet.All(char.IsAsciiDigit) || int.Parse(octet, System.Globalization.CultureInfo.InvariantCulture) > 255)
            {
                return false;
            }
        }

        return IPAddress.TryParse(text, out address!);
    }
}

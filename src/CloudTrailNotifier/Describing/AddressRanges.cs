using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CloudTrailNotifier.Describing;

/// <summary>
/// Whether a list of addresses and CIDR ranges (an <c>IpAddress aws:SourceIp</c> test's values, which are
/// alternatives) limits who may call: the public addresses the list covers together, not each range alone, must
/// be no more than one /8 holds (IPv4) or one /16 (IPv6). 256 ranges of /8 each, or 8,192 IPv6 /16s, admit the
/// whole internet; private and reserved blocks (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, ...; IPv6 outside
/// 2000::/3) hold no caller from the internet and do not count, except that IPv4-mapped IPv6 addresses count as
/// the IPv4 addresses they are. Pure.
/// </summary>
internal static class AddressRanges
{
    private const int WidestIpv4 = 8;
    private const int WidestIpv6 = 16;

    // Blocks no internet caller comes from, sorted and disjoint (IANA special-purpose registries): IPv4 this network,
    // private, shared, loopback, link-local, private, IETF, documentation, private, benchmarking, documentation x2,
    // multicast and reserved; IPv6: everything outside global unicast 2000::/3.
    private static readonly (UInt128 Start, UInt128 End)[] NotPublicIpv4 =
    [
        V4(0, 0, 0, 0, 8), V4(10, 0, 0, 0, 8), V4(100, 64, 0, 0, 10), V4(127, 0, 0, 0, 8), V4(169, 254, 0, 0, 16),
        V4(172, 16, 0, 0, 12), V4(192, 0, 0, 0, 24), V4(192, 0, 2, 0, 24), V4(192, 168, 0, 0, 16), V4(198, 18, 0, 0, 15),
        V4(198, 51, 100, 0, 24), V4(203, 0, 113, 0, 24), V4(224, 0, 0, 0, 3),
    ];

    private static readonly UInt128 MappedStart = (UInt128)0xFFFF << 32;
    private static readonly UInt128 MappedEnd = MappedStart + uint.MaxValue;

    private static readonly (UInt128 Start, UInt128 End)[] NotPublicIpv6 =
    [
        (0, (UInt128.One << 125) - 1), (UInt128.One << 126, UInt128.MaxValue),
    ];

    public static bool AreNarrow(IReadOnlyList<string> values)
    {
        var ipv4 = new List<(UInt128 Start, UInt128 End)>();
        var ipv6 = new List<(UInt128 Start, UInt128 End)>();
        UInt128 unparsedIpv4 = 0, unparsedIpv6 = 0;
        foreach (var value in values)
        {
            var slash = value.IndexOf('/');
            var address = slash < 0 ? value : value[..slash];
            var isIpv6 = address.Contains(':');
            var width = isIpv6 ? 128 : 32;
            var bits = width;
            if (slash >= 0 && (!int.TryParse(value.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out bits) || bits > width))
            {
                return false;
            }

            if (slash < 0 && value.Length == 0)
            {
                return false;
            }

            var size = bits == 0 ? UInt128.MaxValue : UInt128.One << (width - bits);
            if (!IPAddress.TryParse(address, out var parsed) || parsed.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
            {
                // Not an address IAM would read: counted by its prefix length alone, as written.
                if (isIpv6)
                {
                    unparsedIpv6 = Add(unparsedIpv6, size);
                }
                else
                {
                    unparsedIpv4 = Add(unparsedIpv4, size);
                }

                continue;
            }

            var start = Number(parsed.GetAddressBytes()) & ~(size - 1);
            var end = start + (size - 1);
            if (parsed.AddressFamily == AddressFamily.InterNetwork)
            {
                ipv4.Add((start, end));
                continue;
            }

            ipv6.Add((start, end));

            // IPv4-mapped addresses (::ffff:a.b.c.d) are IPv4 callers written in IPv6: ::/16 holds all of them.
            if (start <= MappedEnd && MappedStart <= end)
            {
                ipv4.Add((UInt128.Max(start, MappedStart) - MappedStart, UInt128.Min(end, MappedEnd) - MappedStart));
            }
        }

        return Add(PublicSize(ipv4, NotPublicIpv4), unparsedIpv4) <= UInt128.One << (32 - WidestIpv4)
            && Add(PublicSize(ipv6, NotPublicIpv6), unparsedIpv6) <= UInt128.One << (128 - WidestIpv6);
    }

    /// <summary>How many public addresses the ranges cover together, overlaps counted once (saturating at the maximum).</summary>
    private static UInt128 PublicSize(List<(UInt128 Start, UInt128 End)> ranges, (UInt128 Start, UInt128 End)[] notPublic)
    {
        ranges.Sort();
        UInt128 total = 0;
        var index = 0;
        while (index < ranges.Count)
        {
            var (start, end) = ranges[index++];
            while (index < ranges.Count && ranges[index].Start <= end)
            {
                end = UInt128.Max(end, ranges[index++].End);
            }

            // The merged ranges are disjoint, and so are the blocks: each overlap is taken away once.
            var size = Count(start, end);
            foreach (var block in notPublic)
            {
                if (block.Start <= end && start <= block.End)
                {
                    size -= Count(UInt128.Max(start, block.Start), UInt128.Min(end, block.End));
                }
            }

            total = Add(total, size);
        }

        return total;
    }

    /// <summary>Addresses from start to end inclusive; the whole IPv6 space, one more than UInt128 holds, saturates.</summary>
    private static UInt128 Count(UInt128 start, UInt128 end) => end - start == UInt128.MaxValue ? UInt128.MaxValue : end - start + 1;

    private static (UInt128 Start, UInt128 End) V4(byte a, byte b, byte c, byte d, int bits)
    {
        var start = Number([a, b, c, d]);
        return (start, start + ((UInt128.One << (32 - bits)) - 1));
    }

    private static UInt128 Add(UInt128 a, UInt128 b) => a > UInt128.MaxValue - b ? UInt128.MaxValue : a + b;

    private static UInt128 Number(byte[] bytes)
    {
        UInt128 number = 0;
        foreach (var b in bytes)
        {
            number = (number << 8) | b;
        }

        return number;
    }
}

using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CloudTrailNotifier.Describing;

/// <summary>
/// How much of the internet a list of address ranges (CIDR blocks) admits, taken together: <c>0.0.0.0/1</c> with
/// <c>128.0.0.0/1</c> is the whole IPv4 internet as surely as <c>0.0.0.0/0</c> is. Overlaps count once. Pure.
/// </summary>
internal static class InternetRanges
{
    /// <summary>Half of the IPv4 space (a <c>/1</c>): a list admitting as much is open to the internet.</summary>
    private const ulong HalfOfIpv4 = 1UL << 31;

    /// <summary>Every global unicast IPv6 address is in <c>2000::/3</c>; half of it (a <c>/4</c>) is the threshold.</summary>
    private static readonly UInt128 GlobalStart = (UInt128)0x2000 << 112;

    private static readonly UInt128 GlobalEnd = ((UInt128)0x4000 << 112) - 1;

    private static readonly UInt128 HalfOfGlobal = UInt128.One << 124;

    /// <summary>
    /// True when the ranges together admit at least half of the IPv4 internet, or at least half of the global
    /// unicast IPv6 internet (<c>2000::/3</c>). Values that are not CIDR blocks or addresses are ignored.
    /// </summary>
    public static bool AdmitTheInternet(IEnumerable<string> ranges)
    {
        List<(ulong Start, ulong End)>? v4 = null;
        List<(UInt128 Start, UInt128 End)>? v6 = null;
        foreach (var range in ranges)
        {
            if (!TryParse(range, out var address, out var bits))
            {
                continue;
            }

            var bytes = address.GetAddressBytes();
            if (address.AddressFamily == AddressFamily.InterNetwork)
            {
                var value = (ulong)(((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3]);
                var size = 1UL << (32 - bits);
                var start = value & ~(size - 1);
                (v4 ??= []).Add((start, start + size - 1));
            }
            else
            {
                var value = UInt128.Zero;
                foreach (var b in bytes)
                {
                    value = (value << 8) | b;
                }

                var host = bits == 0 ? UInt128.MaxValue : (UInt128.One << (128 - bits)) - 1;
                var start = value & ~host;
                var end = start | host;
                if (end >= GlobalStart && start <= GlobalEnd)
                {
                    (v6 ??= []).Add((start < GlobalStart ? GlobalStart : start, end > GlobalEnd ? GlobalEnd : end));
                }
            }
        }

        return (v4 is not null && Covered4(v4) >= HalfOfIpv4) || (v6 is not null && Covered6(v6) >= HalfOfGlobal);
    }

    private static ulong Covered4(List<(ulong Start, ulong End)> ranges)
    {
        ranges.Sort();
        ulong total = 0, next = 0;
        foreach (var (start, end) in ranges)
        {
            var from = start > next ? start : next;
            if (end >= from)
            {
                total += end - from + 1;
                next = end + 1;
            }
        }

        return total;
    }

    private static UInt128 Covered6(List<(UInt128 Start, UInt128 End)> ranges)
    {
        // Every range is clipped to 2000::/3, so the total and end + 1 stay far below the top of UInt128.
        ranges.Sort();
        UInt128 total = UInt128.Zero, next = UInt128.Zero;
        foreach (var (start, end) in ranges)
        {
            var from = start > next ? start : next;
            if (end >= from)
            {
                total += end - from + 1;
                next = end + 1;
            }
        }

        return total;
    }

    /// <summary>ADDRESS/BITS (or a bare address, one host). The address may have host bits set; they are ignored.</summary>
    private static bool TryParse(string text, out IPAddress address, out int bits)
    {
        var slash = text.IndexOf('/');
        var host = slash < 0 ? text : text[..slash];
        bits = 0;
        if (!IPAddress.TryParse(host.Trim(), out address!) || host.Contains('%'))
        {
            return false;
        }

        var width = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        if (slash < 0)
        {
            bits = width;
            return true;
        }

        return int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out bits) && bits <= width;
    }
}

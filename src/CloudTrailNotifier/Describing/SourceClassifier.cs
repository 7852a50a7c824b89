using System.Net;
using System.Net.Sockets;

namespace CloudTrailNotifier.Describing;

/// <summary>
/// Tells what a CloudTrail <c>sourceIPAddress</c> is. Pure; allocates only the returned address string (and,
/// for IPv6, one <see cref="IPAddress"/>).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>IPv4 must be exactly four dot-separated decimal numbers of 1 to 3 digits, each at most 255, so
/// <c>1</c>, <c>1.2</c>, <c>0x7f.1</c> or <c>1.2.3.4:80</c> are <see cref="SourceKind.Other"/> even though
/// <see cref="IPAddress.TryParse(string?, out IPAddress?)"/> accepts some of them. Leading zeros are read as
/// decimal (<c>010.0.0.1</c> is 10.0.0.1), which is what a person writing them means.</item>
/// <item>IPv6 is accepted only in plain text form (hex digits, colons and an optional dotted IPv4 tail): no
/// brackets, ports, zone ids or prefix lengths. An IPv4-mapped address (<c>::ffff:192.0.2.1</c>) stays
/// <see cref="SourceKind.IPv6"/>, because that is how it is written, and is private when its IPv4 address is.</item>
/// <item>Private means: 10/8, 172.16/12, 192.168/16 (RFC 1918), 100.64/10 (carrier-grade NAT), 127/8,
/// 169.254/16, ::1, fe80::/10 and fc00::/7. Documentation ranges count as public.</item>
/// <item><c>AWS Internal</c> and <c>AWS Internal/3</c> are <see cref="SourceKind.AwsInternal"/>; host names under
/// <c>amazonaws.com</c> are <see cref="SourceKind.AwsService"/>.</item>
/// <item>Address is the trimmed value, cut to <see cref="DescriptionText.MaxAddressLength"/> characters
/// (ending in an ellipsis) when longer; null when <see cref="SourceKind.Missing"/>.</item>
/// </list>
/// </remarks>
internal static class SourceClassifier
{
    private static readonly SourceDescription MissingSource = new(SourceKind.Missing, null, false);

    public static SourceDescription Classify(string? sourceIPAddress)
    {
        if (sourceIPAddress is null)
        {
            return MissingSource;
        }

        var text = sourceIPAddress.AsSpan().Trim();
        if (text.IsEmpty)
        {
            return MissingSource;
        }

        if (TryParseIPv4(text, out var ipv4))
        {
            return new SourceDescription(SourceKind.IPv4, AddressText(sourceIPAddress, text), IsPrivate(ipv4));
        }

        if (TryParseIPv6(text, out var ipv6))
        {
            return new SourceDescription(SourceKind.IPv6, AddressText(sourceIPAddress, text), IsPrivate(ipv6));
        }

        if (IsAwsInternal(text))
        {
            return new SourceDescription(SourceKind.AwsInternal, AddressText(sourceIPAddress, text), false);
        }

        var kind = IsAwsServiceHost(text) ? SourceKind.AwsService : SourceKind.Other;
        return new SourceDescription(kind, AddressText(sourceIPAddress, text), false);
    }

    /// <summary>Strict dotted-quad parsing into a big-endian number.</summary>
    internal static bool TryParseIPv4(ReadOnlySpan<char> text, out uint address)
    {
        address = 0;
        if (text.Length is < 7 or > 15)
        {
            return false;
        }

        var parts = 0;
        var index = 0;
        while (true)
        {
            var value = 0;
            var digits = 0;
            while (index < text.Length && char.IsAsciiDigit(text[index]) && digits < 4)
            {
                value = (value * 10) + (text[index] - '0');
                digits++;
                index++;
            }

            if (digits is 0 or > 3 || value > 255)
            {
                return false;
            }

            address = (address << 8) | (uint)value;
            parts++;
            if (parts == 4)
            {
                return index == text.Length;
            }

            if (index >= text.Length || text[index] != '.')
            {
                return false;
            }

            index++;
        }
    }

    private static bool TryParseIPv6(ReadOnlySpan<char> text, out IPAddress address)
    {
        address = IPAddress.None;
        if (text.Length is < 2 or > 45 || !text.Contains(':'))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c) && c is not ':' and not '.')
            {
                return false;
            }
        }

        if (!IPAddress.TryParse(text, out var parsed) || parsed.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        address = parsed;
        return true;
    }

    private static bool IsPrivate(uint address) =>
        (address >> 24) == 10                       // 10.0.0.0/8
        || (address >> 20) == 0xAC1                 // 172.16.0.0/12
        || (address >> 16) == 0xC0A8                // 192.168.0.0/16
        || (address >> 22) == (100u << 2 | 1)       // 100.64.0.0/10
        || (address >> 24) == 127                   // 127.0.0.0/8
        || (address >> 16) == 0xA9FE;               // 169.254.0.0/16

    private static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            Span<byte> mapped = stackalloc byte[16];
            address.TryWriteBytes(mapped, out _);
            return IsPrivate((uint)(mapped[12] << 24 | mapped[13] << 16 | mapped[14] << 8 | mapped[15]));
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        return IPAddress.IsLoopback(address)
            || (bytes[0] == 0xFE && (bytes[1] & 0xC0) == 0x80)   // fe80::/10 link-local
            || (bytes[0] & 0xFE) == 0xFC;                        // fc00::/7 unique local
    }

    private static bool IsAwsInternal(ReadOnlySpan<char> text)
    {
        if (!DescriptionText.StartsWithAwsInternal(text, out var rest))
        {
            return false;
        }

        if (rest.IsEmpty)
        {
            return true;
        }

        if (rest[0] != '/' || rest.Length is < 2 or > 4)
        {
            return false;
        }

        foreach (var c in rest[1..])
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A host name under <c>amazonaws.com</c> (or <c>amazonaws.com.cn</c>) made of valid DNS labels.</summary>
    private static bool IsAwsServiceHost(ReadOnlySpan<char> text)
    {
        if (text.Length > DescriptionText.MaxAddressLength)
        {
            return false;
        }

        ReadOnlySpan<char> host;
        if (text.EndsWith(".amazonaws.com", StringComparison.OrdinalIgnoreCase))
        {
            host = text[..^".amazonaws.com".Length];
        }
        else if (text.EndsWith(".amazonaws.com.cn", StringComparison.OrdinalIgnoreCase))
        {
            host = text[..^".amazonaws.com.cn".Length];
        }
        else
        {
            return false;
        }

        if (host.IsEmpty)
        {
            return false;
        }

        foreach (var range in host.Split('.'))
        {
            var label = host[range];
            if (label.IsEmpty || label[0] == '-' || label[^1] == '-' || !DescriptionText.IsAsciiWord(label, "-"))
            {
                return false;
            }
        }

        return true;
    }

    private static string AddressText(string original, ReadOnlySpan<char> trimmed) =>
        trimmed.Length == original.Length && original.Length <= DescriptionText.MaxAddressLength
            ? original
            : DescriptionText.Cap(trimmed, DescriptionText.MaxAddressLength);
}

namespace CloudTrailNotifier.Describing;

// INTERIM (not committed): replaced by the classify branch.
internal static class SourceClassifier
{
    public static SourceDescription Classify(string? address)
    {
        if (string.IsNullOrWhiteSpace(address)) return new(SourceKind.Missing, null, false);
        if (address.StartsWith("AWS Internal", StringComparison.Ordinal)) return new(SourceKind.AwsInternal, address, false);
        if (address.EndsWith(".amazonaws.com", StringComparison.Ordinal)) return new(SourceKind.AwsService, address, false);
        if (System.Net.IPAddress.TryParse(address, out var ip)) return new(ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? SourceKind.IPv6 : SourceKind.IPv4, address, false);
        return new(SourceKind.Other, address, false);
    }
}

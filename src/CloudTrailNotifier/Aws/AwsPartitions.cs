using Amazon;

namespace CloudTrailNotifier.Aws;

/// <summary>Partition facts (DNS suffixes) from AWSSDK.Core's region data, so new partitions need no code here.</summary>
internal static class AwsPartitions
{
    /// <summary>The DNS suffix of the region's partition, e.g. <c>amazonaws.com</c> or <c>amazonaws.com.cn</c>.</summary>
    public static string DnsSuffix(string region)
    {
        var suffix = RegionEndpoint.GetBySystemName(region).PartitionDnsSuffix;
        return string.IsNullOrEmpty(suffix) ? "amazonaws.com" : suffix;
    }
}

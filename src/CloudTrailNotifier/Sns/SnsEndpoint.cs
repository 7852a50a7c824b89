using System.Net;
using CloudTrailNotifier.Aws;

namespace CloudTrailNotifier.Sns;

/// <summary>Where Publish requests go by default, and which overrides may carry signed requests in the clear.</summary>
internal static class SnsEndpoint
{
    /// <summary>The SNS endpoint of the topic's region (the signing region is always the topic's).</summary>
    public static Uri Default(TopicArn topic) => new($"https://sns.{topic.Region}.{AwsPartitions.DnsSuffix(topic.Region)}/");

    /// <summary>
    /// True for <c>localhost</c>, 127.0.0.0/8 and ::1: plain http there never leaves the machine. Names that only
    /// resolve to a loopback address (say, a DNS name pointing at 127.0.0.1) do not count: DNS can change.
    /// </summary>
    public static bool IsLoopback(Uri uri)
    {
        var host = uri.IdnHost.TrimStart('[').TrimEnd(']');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }
}

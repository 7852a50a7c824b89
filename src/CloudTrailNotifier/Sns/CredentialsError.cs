using Amazon.Runtime;

namespace CloudTrailNotifier.Sns;

/// <summary>One line saying why AWSSDK.Core's credential chain found nothing.</summary>
internal static class CredentialsError
{
    /// <summary>
    /// The SDK lists one error per provider on its own line; keep them all, on one line, because the useful one
    /// (say, a profile of a type this build cannot use) is rarely the first.
    /// </summary>
    public static string Describe(AmazonClientException ex)
    {
        var reasons = ex.Message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(line => line.StartsWith("Exception ", StringComparison.Ordinal) && line.Contains(": ", StringComparison.Ordinal))
            .Select(line => line[(line.IndexOf(": ", StringComparison.Ordinal) + 2)..].TrimEnd('.'))
            .ToList();
        if (reasons.Count > 0)
        {
            return "no AWS credentials found: " + string.Join("; ", reasons);
        }

        var end = ex.Message.AsSpan().IndexOfAny('\r', '\n');
        return "AWS credentials could not be obtained: " + (end < 0 ? ex.Message : ex.Message[..end]).Trim();
    }
}

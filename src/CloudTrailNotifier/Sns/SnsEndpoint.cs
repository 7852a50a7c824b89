using CloudTrailNotifier.Aws;

namespace CloudTrailNotifier.Sns;

/// <summary>
/// Where Publish requests for a topic go: the standard endpoint overrides <c>AWS_ENDPOINT_URL_SNS</c>, then
/// <c>AWS_ENDPOINT_URL</c> (both ignored when <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true</c>), else the
/// SNS endpoint of the topic's region. The signing region is always the topic's.
/// </summary>
internal static class SnsEndpoint
{
    public const string ServiceVariable = "AWS_ENDPOINT_URL_SNS";
    public const string GlobalVariable = "AWS_ENDPOINT_URL";
    public const string IgnoreVariable = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";

    public static bool TryResolve(TopicArn topic, Func<string, string?> getVariable, out Uri endpoint, out string? error)
    {
        var ignore = string.Equals(getVariable(IgnoreVariable)?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        foreach (var variable in (ReadOnlySpan<string>)[ServiceVariable, GlobalVariable])
        {
            var configured = getVariable(variable)?.Trim();
            if (ignore || string.IsNullOrEmpty(configured))
            {
                continue;
            }

            if (!Uri.TryCreate(configured, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                endpoint = null!;
                error = $"{variable} is not an http or https URL: '{configured}'";
                return false;
            }

            endpoint = uri;
            error = null;
            return true;
        }

        endpoint = new Uri($"https://sns.{topic.Region}.{AwsPartitions.DnsSuffix(topic.Region)}/");
        error = null;
        return true;
    }
}

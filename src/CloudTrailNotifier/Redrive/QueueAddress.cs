using CloudTrailNotifier.Aws;
using CloudTrailNotifier.Settings;
using CloudTrailNotifier.Sns;

namespace CloudTrailNotifier.Redrive;

/// <summary>
/// An SQS queue URL (<c>https://sqs.REGION.amazonaws.com/ACCOUNT/NAME</c>), the region it lives in and the endpoint
/// its calls go to: <c>AWS_ENDPOINT_URL_SQS</c>, then <c>AWS_ENDPOINT_URL</c> (both ignored when
/// <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true</c>), else SQS in the queue's region. Signed requests travel in plain
/// http only to a loopback address: the queue holds events, and the requests carry the caller's session token.
/// </summary>
internal sealed record QueueAddress(string Url, string Region, string AccountId, string Name, Uri Endpoint)
{
    public const string SqsEndpointVariable = "AWS_ENDPOINT_URL_SQS";
    public const string DefaultRegionVariable = "AWS_DEFAULT_REGION";

    /// <summary>How the command line names the queue URL in an error line.</summary>
    public const string ArgumentName = "QUEUE_URL";

    /// <param name="getVariable">The environment; its region names the queue's region when the URL does not (a local endpoint).</param>
    public static SettingResult<QueueAddress> Parse(string? text, Func<string, string?> getVariable)
    {
        var url = text?.Trim() ?? string.Empty;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(uri.Query))
        {
            return Fail($"'{url}' is not an SQS queue URL (https://sqs.REGION.amazonaws.com/ACCOUNT/NAME)");
        }

        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length != 2 || segments[0].Length != 12 || !segments[0].All(char.IsAsciiDigit))
        {
            return Fail($"'{url}' is not an SQS queue URL: its path must be /ACCOUNT/NAME with a 12-digit account ID");
        }

        var name = segments[1];
        if (name.Length is 0 or > 80 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            return Fail($"'{url}' has no valid queue name");
        }

        var region = RegionOf(uri.IdnHost)
            ?? Blank(getVariable(NotifierSettings.RegionVariable))
            ?? Blank(getVariable(DefaultRegionVariable));
        if (region is null || !region.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            return Fail($"the region cannot be told from '{uri.Host}'; set {NotifierSettings.RegionVariable}");
        }

        var endpoint = ResolveEndpoint(uri, region, getVariable);
        return endpoint.IsValid
            ? SettingResult<QueueAddress>.Ok(new QueueAddress(url, region, segments[0], name, endpoint.Value))
            : new SettingResult<QueueAddress>(null!, endpoint.Error);
    }

    /// <summary><c>sqs.REGION.amazonaws.com[.cn]</c>, <c>sqs.REGION.api.aws</c>, <c>REGION.queue.amazonaws.com</c>, <c>queue.amazonaws.com</c> (us-east-1).</summary>
    private static string? RegionOf(string host)
    {
        var labels = host.ToLowerInvariant().Split('.');
        if (labels is ["queue", "amazonaws", "com"])
        {
            return "us-east-1";
        }

        if (labels.Length >= 4 && labels[0] == "sqs" && (labels[2] == "amazonaws" || (labels[2] == "api" && labels[3] == "aws")))
        {
            return labels[1];
        }

        return labels.Length == 4 && labels[1] == "queue" && labels[2] == "amazonaws" ? labels[0] : null;
    }

    private static SettingResult<Uri> ResolveEndpoint(Uri queue, string region, Func<string, string?> getVariable)
    {
        Uri? endpoint = null;
        var source = ArgumentName;
        if (!string.Equals(getVariable(NotifierSettings.IgnoreEndpointsVariable)?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var variable in (ReadOnlySpan<string>)[SqsEndpointVariable, NotifierSettings.EndpointVariable])
            {
                if (Blank(getVariable(variable)) is not { } configured)
                {
                    continue;
                }

                if (!Uri.TryCreate(configured, UriKind.Absolute, out endpoint) || endpoint.Scheme is not ("http" or "https"))
                {
                    return SettingResult<Uri>.Fail(variable, $"not an http or https URL: '{configured}'");
                }

                source = variable;
                break;
            }
        }

        // Without an override: SQS in the queue's region; a queue URL that names no AWS host is its own endpoint.
        endpoint ??= RegionOf(queue.IdnHost) is null
            ? new Uri(queue.GetLeftPart(UriPartial.Authority) + "/")
            : new Uri($"https://sqs.{region}.{AwsPartitions.DnsSuffix(region)}/");
        if (endpoint.Scheme == "http" && !SnsEndpoint.IsLoopback(endpoint))
        {
            return SettingResult<Uri>.Fail(source,
                $"plain http to '{endpoint.Host}' would send signed requests, session token included, and the queue's events in the clear; "
                + "use https, or http only to localhost, 127.0.0.0/8 or ::1");
        }

        return SettingResult<Uri>.Ok(endpoint);
    }

    private static SettingResult<QueueAddress> Fail(string problem) => SettingResult<QueueAddress>.Fail(ArgumentName, problem);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

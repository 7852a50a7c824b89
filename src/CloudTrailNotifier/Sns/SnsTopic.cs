namespace CloudTrailNotifier.Sns;

/// <summary>A topic and the endpoint its Publish requests are sent to.</summary>
internal sealed record SnsTopic(TopicArn Arn, Uri Endpoint)
{
    /// <summary>Parses the ARN and resolves the endpoint from the environment; <paramref name="error"/> is one line.</summary>
    public static SnsTopic? Resolve(string? topicArn, Func<string, string?> getVariable, out string? error)
    {
        if (!TopicArn.TryParse(topicArn, out var arn, out error))
        {
            return null;
        }

        return SnsEndpoint.TryResolve(arn!, getVariable, out var endpoint, out error) ? new SnsTopic(arn!, endpoint) : null;
    }
}

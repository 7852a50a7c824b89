namespace CloudTrailNotifier.Sns;

/// <summary>A topic and the endpoint its Publish requests are sent to (see <see cref="Settings.NotifierSettings"/>).</summary>
internal sealed record SnsTopic(TopicArn Arn, Uri Endpoint);

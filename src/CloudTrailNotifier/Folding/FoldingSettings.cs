namespace CloudTrailNotifier.Folding;

/// <summary>Noise control as configured: the state table, the fold window and the notifications allowed per minute.</summary>
/// <param name="Endpoint">
/// <c>AWS_ENDPOINT_URL_DYNAMODB</c>, else <c>AWS_ENDPOINT_URL</c>; null: DynamoDB in <paramref name="Region"/>, as the
/// SDK resolves it for the region's partition.
/// </param>
internal sealed record FoldingSettings(string Table, TimeSpan Window, int PerMinute, Uri? Endpoint, string Region);

namespace CloudTrailNotifier.LogFiles;

/// <summary>One page of a listing: object keys, folder prefixes (with a delimiter) and the token for the next page.</summary>
internal sealed record LogListing(IReadOnlyList<string> Keys, IReadOnlyList<string> Prefixes, string? NextToken);

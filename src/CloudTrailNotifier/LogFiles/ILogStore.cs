namespace CloudTrailNotifier.LogFiles;

/// <summary>Where CloudTrail log files are kept (an S3 bucket): listing in key order and reading objects.</summary>
internal interface ILogStore
{
    /// <summary>One page of the keys under <paramref name="prefix"/>, in key order; with a delimiter, the folders too.</summary>
    /// <exception cref="LogStoreException">The store refused or could not be reached.</exception>
    LogListing List(string prefix, string? delimiter, string? continuationToken);

    /// <summary>The object's bytes as stored (compressed or not), streamed; the caller disposes the stream.</summary>
    /// <exception cref="LogStoreException">The store refused or could not be reached.</exception>
    Stream Open(string key);
}

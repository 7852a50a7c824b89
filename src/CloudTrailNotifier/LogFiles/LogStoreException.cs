namespace CloudTrailNotifier.LogFiles;

/// <summary>The log store refused a request or could not be reached; the message is one line, secrets removed.</summary>
/// <param name="code">The store's error code, e.g. <c>NoSuchBucket</c>, <c>AccessDenied</c>.</param>
internal sealed class LogStoreException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Code { get; } = code;

    /// <summary>Whether nothing more can be read (no bucket, no credentials), rather than only this object.</summary>
    public bool EndsTheInput => Code is "NoSuchBucket" or "CredentialsUnavailable" or "InvalidAccessKeyId" or "SignatureDoesNotMatch" or "ExpiredToken";
}

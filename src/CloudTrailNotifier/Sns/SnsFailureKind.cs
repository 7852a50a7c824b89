namespace CloudTrailNotifier.Sns;

/// <summary>How a publish attempt failed; the retry classification reads this, never the error code's text.</summary>
internal enum SnsFailureKind
{
    /// <summary>SNS refused the request (authorization, validation, a missing topic): retrying cannot help.</summary>
    Refused,

    /// <summary>SNS asked to slow down (HTTP 429 or a throttling code): nothing was published.</summary>
    Throttled,

    /// <summary>SNS answered 5xx, or something in between answered with an unreadable error.</summary>
    ServerError,

    /// <summary>The request never reached SNS (no connection, name resolution, TLS): safe to send again.</summary>
    NotSent,

    /// <summary>The connection broke after the request was sent and before a status line came back.</summary>
    Interrupted,

    /// <summary>No status line within the attempt's timeout: the request may still be delivered, so it is not resent.</summary>
    TimedOut,

    /// <summary>No credentials to sign with.</summary>
    CredentialsUnavailable,
}

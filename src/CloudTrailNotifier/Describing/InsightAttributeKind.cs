namespace CloudTrailNotifier.Describing;

/// <summary>What a CloudTrail Insights attribution breaks the unusual activity down by.</summary>
internal enum InsightAttributeKind
{
    /// <summary><c>userIdentityArn</c>: the identities that made the calls.</summary>
    Caller,

    /// <summary><c>userAgent</c>: the tools the calls came from.</summary>
    Client,

    /// <summary><c>errorCode</c>: the errors the calls ended in (<c>null</c> for calls that succeeded).</summary>
    ErrorCode,
}

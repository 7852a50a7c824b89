namespace CloudTrailNotifier.Describing;

/// <summary>What the <c>sourceIPAddress</c> of a record is.</summary>
internal enum SourceKind
{
    /// <summary>Absent or empty.</summary>
    Missing,
    IPv4,
    IPv6,

    /// <summary>An AWS service's host name such as <c>secretsmanager.amazonaws.com</c>.</summary>
    AwsService,

    /// <summary>The literal <c>AWS Internal</c> (optionally followed by <c>/n</c>).</summary>
    AwsInternal,

    /// <summary>Anything else: placeholders, host names, garbage.</summary>
    Other,
}

namespace CloudTrailNotifier.Describing;

/// <summary>Whether a call worked.</summary>
internal enum Outcome
{
    Succeeded,

    /// <summary>Refused for lack of permission (AccessDenied, UnauthorizedOperation, ...).</summary>
    Denied,

    /// <summary>Any other error.</summary>
    Failed,
}

namespace CloudTrailNotifier.Describing.Tampering;

/// <summary>What a tampering call touched: a CloudTrail trail, or one of the stack's own resources.</summary>
internal enum TamperTargetKind
{
    Trail,
    Rule,
    Function,
    Topic,
    Subscription,
    Alarm,
    Queue,
}

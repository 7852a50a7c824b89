namespace CloudTrailNotifier.Describing.Tampering;

/// <summary>What a tampering call touched: a CloudTrail trail, or one of the stack's own resources (or the key and role it relies on).</summary>
internal enum TamperTargetKind
{
    Trail,
    Rule,
    Function,
    Topic,
    Subscription,
    Alarm,
    Queue,

    /// <summary>A KMS key (or alias) that encrypts the stack's topics: disabled, deleted or locked, nothing is published.</summary>
    Key,

    /// <summary>The IAM role the function runs as: a Deny or a removed permission stops it publishing.</summary>
    Role,

    /// <summary>The noise-control state table: deleted or its expiry changed, folded events are never sent as digests.</summary>
    Table,
}

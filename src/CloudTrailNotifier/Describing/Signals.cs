namespace CloudTrailNotifier.Describing;

/// <summary>What a security reader should notice first. Order here is the order shown.</summary>
[Flags]
internal enum Signals
{
    None = 0,
    AccessDenied = 1 << 0,
    Error = 1 << 1,
    Root = 1 << 2,
    NoMfa = 1 << 3,
    CrossAccount = 1 << 4,
    ConsoleSession = 1 << 5,
    AwsService = 1 << 6,

    /// <summary>The call blinds CloudTrail or changes the notifier stack itself; shown before everything else.</summary>
    Tampering = 1 << 7,

    /// <summary>The event came from an account that is not in the organization's list (ACCOUNT_NAMES).</summary>
    UnknownAccount = 1 << 8,

    /// <summary>
    /// The EventBridge envelope's source does not start with <c>aws.</c>: not sent by AWS, so anyone allowed
    /// events:PutEvents on the bus may have written every field. Shown before everything else.
    /// </summary>
    NotFromAws = 1 << 9,
}

namespace CloudTrailNotifier.Lambda;

/// <summary>What an invocation achieved; logged as <c>invocationResult</c>, apart from the CloudTrail call's outcome.</summary>
internal enum InvocationResultKind
{
    /// <summary>Published; SNS gave a MessageId.</summary>
    Published,

    /// <summary>Published (SNS answered 2xx) but its answer could not be read, so the MessageId is unknown.</summary>
    PublishedMessageIdUnknown,

    /// <summary>A dry run: rendered, nothing published.</summary>
    DryRun,

    /// <summary>The invocation failed; Lambda retries the event and finally keeps it in the dead-letter queue.</summary>
    Failed,

    /// <summary>A second delivery of an event already handled: nothing sent.</summary>
    Duplicate,

    /// <summary>Counted into its group's digest, not sent on its own.</summary>
    Folded,

    /// <summary>A scheduled sweep: every due digest sent.</summary>
    Swept,
}

namespace CloudTrailNotifier.State;

/// <summary>What claiming an event id found.</summary>
internal enum ClaimResult
{
    /// <summary>Ours: handle the event.</summary>
    Claimed,

    /// <summary>Already notified or folded: a duplicate, send nothing.</summary>
    Done,

    /// <summary>Another attempt holds it right now: fail, so Lambda tries again once that one has finished.</summary>
    InProgress,
}

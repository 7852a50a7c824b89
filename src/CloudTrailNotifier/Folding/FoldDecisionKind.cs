namespace CloudTrailNotifier.Folding;

/// <summary>What becomes of one foldable event.</summary>
internal enum FoldDecisionKind
{
    /// <summary>The first of its group in a window: sent at once, and the window opens.</summary>
    SendNow,

    /// <summary>Counted into the group's digest, not sent on its own.</summary>
    Fold,
}

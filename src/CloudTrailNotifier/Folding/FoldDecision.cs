namespace CloudTrailNotifier.Folding;

/// <summary>The decision for one event and the group state to write for it.</summary>
internal sealed record FoldDecision(FoldDecisionKind Kind, GroupState NewState);

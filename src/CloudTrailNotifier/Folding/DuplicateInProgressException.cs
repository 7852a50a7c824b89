namespace CloudTrailNotifier.Folding;

/// <summary>Another attempt is handling the same event right now; failing lets Lambda try again after it finished.</summary>
internal sealed class DuplicateInProgressException()
    : Exception("another invocation is handling the same event right now; Lambda will try this one again");

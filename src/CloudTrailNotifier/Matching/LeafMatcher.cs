namespace CloudTrailNotifier.Matching;

/// <summary>One alternative of a pattern field (a value or an operator), tested against one leaf of the event.</summary>
internal abstract class LeafMatcher
{
    public abstract bool Matches(in Leaf leaf);
}

namespace CloudTrailNotifier.Matching;

/// <summary>
/// <c>{"anything-but": ...}</c>: a leaf that none of the excluded alternatives matches (a value, a list of values,
/// or a prefix, suffix, equals-ignore-case or wildcard). Like every operator but exists, it needs the field present;
/// for an array field, one element that is not excluded is enough.
/// </summary>
internal sealed class AnythingButMatcher(IReadOnlyList<LeafMatcher> excluded) : LeafMatcher
{
    public override bool Matches(in Leaf leaf)
    {
        foreach (var matcher in excluded)
        {
            if (matcher.Matches(leaf))
            {
                return false;
            }
        }

        return true;
    }
}

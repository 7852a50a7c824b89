namespace CloudTrailNotifier.Matching;

/// <summary><c>{"equals-ignore-case": "alice"}</c>: the same string in any letter case.</summary>
internal sealed class EqualsIgnoreCaseMatcher(string value) : LeafMatcher
{
    private readonly string _folded = CaseFolding.Fold(value);

    public override bool Matches(in Leaf leaf) =>
        leaf.Kind == LeafKind.String && string.Equals(CaseFolding.Fold(leaf.Text!), _folded, StringComparison.Ordinal);
}

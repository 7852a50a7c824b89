namespace CloudTrailNotifier.Matching;

/// <summary><c>{"suffix": ".png"}</c> or <c>{"suffix": {"equals-ignore-case": ".png"}}</c>: strings that end so.</summary>
internal sealed class SuffixMatcher(string suffix, bool ignoreCase) : LeafMatcher
{
    private readonly string _suffix = ignoreCase ? CaseFolding.Fold(suffix) : suffix;

    public override bool Matches(in Leaf leaf) =>
        leaf.Kind == LeafKind.String
        && (ignoreCase ? CaseFolding.Fold(leaf.Text!) : leaf.Text!).EndsWith(_suffix, StringComparison.Ordinal);
}

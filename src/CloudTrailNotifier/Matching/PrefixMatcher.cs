namespace CloudTrailNotifier.Matching;

/// <summary><c>{"prefix": "us-"}</c> or <c>{"prefix": {"equals-ignore-case": "us-"}}</c>: strings that start so.</summary>
internal sealed class PrefixMatcher(string prefix, bool ignoreCase) : LeafMatcher
{
    private readonly string _prefix = ignoreCase ? CaseFolding.Fold(prefix) : prefix;

    public override bool Matches(in Leaf leaf) =>
        leaf.Kind == LeafKind.String
        && (ignoreCase ? CaseFolding.Fold(leaf.Text!) : leaf.Text!).StartsWith(_prefix, StringComparison.Ordinal);
}

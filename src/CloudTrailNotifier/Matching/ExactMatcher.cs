namespace CloudTrailNotifier.Matching;

/// <summary>
/// A plain value in a pattern: a string matches the same string (case-sensitive), a number the same number however
/// it is written (300 and 3.0e2), and true, false and null only themselves. "" and null are different values.
/// </summary>
internal sealed class ExactMatcher : LeafMatcher
{
    private readonly LeafKind _kind;
    private readonly string? _text;
    private readonly double _number;

    private ExactMatcher(LeafKind kind, string? text, double number)
    {
        _kind = kind;
        _text = text;
        _number = number;
    }

    public static ExactMatcher String(string text) => new(LeafKind.String, text, double.NaN);

    public static ExactMatcher Number(double number) => new(LeafKind.Number, null, number);

    public static ExactMatcher Literal(LeafKind kind) => new(kind, null, double.NaN);

    public override bool Matches(in Leaf leaf) => leaf.Kind == _kind && _kind switch
    {
        LeafKind.String => string.Equals(leaf.Text, _text, StringComparison.Ordinal),
        LeafKind.Number => leaf.Number == _number,
        _ => true,
    };
}

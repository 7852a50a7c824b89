namespace CloudTrailNotifier.Matching;

/// <summary>
/// <c>{"numeric": [">", 0, "&lt;=", 5]}</c>: JSON numbers in a range (or equal to one value with <c>"="</c>).
/// Strings holding digits are not numbers here.
/// </summary>
internal sealed class NumericMatcher(double lower, bool lowerInclusive, double upper, bool upperInclusive) : LeafMatcher
{
    public static NumericMatcher Equal(double value) => new(value, true, value, true);

    public override bool Matches(in Leaf leaf)
    {
        if (leaf.Kind != LeafKind.Number || double.IsNaN(leaf.Number))
        {
            return false;
        }

        var n = leaf.Number;
        return (lowerInclusive ? n >= lower : n > lower) && (upperInclusive ? n <= upper : n < upper);
    }
}

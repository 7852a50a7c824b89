using System.Text.Json;

namespace CloudTrailNotifier.Matching;

/// <summary>
/// Reads numeric's list: <c>["=", x]</c>, one bound (<c>[">", x]</c>, <c>["&lt;=", x]</c>), or a lower and an upper
/// bound (<c>[">=", 0, "&lt;", 10]</c>). Every value is a JSON number.
/// </summary>
internal static class NumericRange
{
    private const string Usage = "numeric takes a list such as [\">\", 0, \"<=\", 5] or [\"=\", 3]";

    public static NumericMatcher Parse(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() is not (2 or 4))
        {
            throw PatternPath.Problem(path, Usage);
        }

        var items = value.EnumerateArray().ToList();
        double lower = double.NegativeInfinity, upper = double.PositiveInfinity;
        bool lowerInclusive = false, upperInclusive = false, hasLower = false, hasUpper = false;
        for (var i = 0; i < items.Count; i += 2)
        {
            if (items[i].ValueKind != JsonValueKind.String || items[i + 1].ValueKind != JsonValueKind.Number)
            {
                throw PatternPath.Problem(path, Usage);
            }

            var number = OperatorParser.Number(items[i + 1], path);
            switch (items[i].GetString())
            {
                case "=" when items.Count == 2:
                    return NumericMatcher.Equal(number);
                case ">" or ">=" when !hasLower:
                    (lower, lowerInclusive, hasLower) = (number, items[i].GetString() == ">=", true);
                    break;
                case "<" or "<=" when !hasUpper:
                    (upper, upperInclusive, hasUpper) = (number, items[i].GetString() == "<=", true);
                    break;
                default:
                    throw PatternPath.Problem(path, Usage + " (one lower and one upper bound at most)");
            }
        }

        return new NumericMatcher(lower, lowerInclusive, upper, upperInclusive);
    }
}

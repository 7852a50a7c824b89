using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace CloudTrailNotifier.State;

/// <summary>DynamoDB's typed values (<c>S</c>, <c>N</c>, <c>BOOL</c>, <c>L</c>) made and read back, numbers in the invariant culture.</summary>
internal static class DynamoItems
{
    public static AttributeValue S(string value) => new() { S = value };

    public static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    public static AttributeValue Bool(bool value) => new() { BOOL = value };

    public static AttributeValue List(IReadOnlyList<string> values) => new() { L = values.Select(S).ToList() };

    public static Dictionary<string, AttributeValue> Key(string pk) => new() { ["pk"] = S(pk) };

    public static string? GetS(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) ? value.S : null;

    public static long? GetN(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.N is { } n
        && long.TryParse(n, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

    public static bool GetBool(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.BOOL == true;

    public static IReadOnlyList<string> GetList(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.L is { } list
            ? list.Select(entry => entry.S).OfType<string>().ToList()
            : [];
}

using System.Text.Json;

namespace CloudTrailNotifier.Matching;

/// <summary>One scalar value in an event (a string, number, boolean or null) as the operators compare it.</summary>
internal readonly struct Leaf
{
    private Leaf(LeafKind kind, string? text, double number)
    {
        Kind = kind;
        Text = text;
        Number = number;
    }

    public LeafKind Kind { get; }

    /// <summary>The string, for <see cref="LeafKind.String"/>; null otherwise.</summary>
    public string? Text { get; }

    /// <summary>The number, for <see cref="LeafKind.Number"/>; NaN when it is too large for a double.</summary>
    public double Number { get; }

    public static Leaf FromString(string text) => new(LeafKind.String, text, double.NaN);

    /// <summary>The leaf an element holds; false for objects and arrays, which are not leaves.</summary>
    public static bool TryFrom(JsonElement element, out Leaf leaf)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                leaf = FromString(StringOf(element));
                return true;
            case JsonValueKind.Number:
                leaf = new Leaf(LeafKind.Number, null, element.TryGetDouble(out var number) && double.IsFinite(number) ? number : double.NaN);
                return true;
            case JsonValueKind.True:
                leaf = new Leaf(LeafKind.True, null, double.NaN);
                return true;
            case JsonValueKind.False:
                leaf = new Leaf(LeafKind.False, null, double.NaN);
                return true;
            case JsonValueKind.Null:
                leaf = new Leaf(LeafKind.Null, null, double.NaN);
                return true;
            default:
                leaf = default;
                return false;
        }
    }

    /// <summary>
    /// The string's value. A string escaping half a surrogate pair cannot be decoded; it is compared as its escaped
    /// JSON text instead, so it still matches anything-but and exists, and no value written the ordinary way.
    /// </summary>
    private static string StringOf(JsonElement element)
    {
        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException)
        {
            var raw = element.GetRawText();
            return raw[1..^1];
        }
    }
}

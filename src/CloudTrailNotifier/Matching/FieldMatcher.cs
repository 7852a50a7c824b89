using System.Text.Json;

namespace CloudTrailNotifier.Matching;

/// <summary>
/// A pattern field whose value is a list of alternatives: it matches when any leaf of the event's field (the value
/// itself, or every scalar of an array, however nested) matches any alternative. <c>exists: true</c> matches when the
/// field has a leaf, <c>exists: false</c> when it has none (missing, an object, an empty array); every other alternative
/// needs a leaf.
/// </summary>
internal sealed class FieldMatcher(string name, IReadOnlyList<LeafMatcher> alternatives, bool existsTrue, bool existsFalse)
{
    public string Name { get; } = name;

    public bool Matches(in FieldValue value)
    {
        if (!value.IsPresent)
        {
            return existsFalse;
        }

        if (value.Text is { } text)
        {
            return existsTrue || AnyMatches(Leaf.FromString(text));
        }

        var sawLeaf = false;
        return Scan(value.Element, ref sawLeaf) || (sawLeaf ? existsTrue : existsFalse);
    }

    /// <summary>Whether some leaf in <paramref name="element"/> matches an alternative; notes whether there was any leaf.</summary>
    private bool Scan(JsonElement element, ref bool sawLeaf)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                if (Scan(item, ref sawLeaf))
                {
                    return true;
                }
            }

            return false;
        }

        if (!Leaf.TryFrom(element, out var leaf))
        {
            return false; // an object is not a leaf
        }

        sawLeaf = true;
        return AnyMatches(leaf);
    }

    private bool AnyMatches(in Leaf leaf)
    {
        foreach (var alternative in alternatives)
        {
            if (alternative.Matches(leaf))
            {
                return true;
            }
        }

        return false;
    }
}

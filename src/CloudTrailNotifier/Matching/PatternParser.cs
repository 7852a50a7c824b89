using System.Text.Json;

namespace CloudTrailNotifier.Matching;

/// <summary>
/// Compiles the object levels of an event pattern: each field holds a list of alternatives (see
/// <see cref="OperatorParser"/>) or a nested object; <c>$or</c> holds a list of at least two object patterns.
/// </summary>
internal static class PatternParser
{
    private const string Or = "$or";

    public static ObjectMatcher Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw PatternPath.Problem(string.Empty, "an event pattern is a JSON object, such as {\"source\": [\"aws.s3\"]}");
        }

        return ParseObject(root, string.Empty);
    }

    private static ObjectMatcher ParseObject(JsonElement obj, string path)
    {
        var fields = new List<FieldMatcher>();
        var nested = new List<KeyValuePair<string, ObjectMatcher>>();
        var orGroups = new List<IReadOnlyList<ObjectMatcher>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in obj.EnumerateObject())
        {
            var name = Name(property, path);
            var childPath = PatternPath.Child(path, name);
            if (!seen.Add(name))
            {
                throw PatternPath.Problem(childPath, "the field is given twice");
            }

            var value = property.Value;
            if (name == Or)
            {
                orGroups.Add(ParseOr(value, childPath));
            }
            else if (value.ValueKind == JsonValueKind.Object)
            {
                nested.Add(new(name, ParseObject(value, childPath)));
            }
            else if (value.ValueKind == JsonValueKind.Array)
            {
                fields.Add(OperatorParser.ParseField(name, value, childPath));
            }
            else
            {
                throw PatternPath.Problem(childPath, "must be a list of values, such as [\"x\"], or an object of fields");
            }
        }

        return new ObjectMatcher(fields, nested, orGroups);
    }

    private static List<ObjectMatcher> ParseOr(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() < 2)
        {
            throw PatternPath.Problem(path, "must be a list of at least two patterns, such as [{\"a\": [\"x\"]}, {\"b\": [\"y\"]}]");
        }

        var branches = new List<ObjectMatcher>();
        var index = 0;
        foreach (var branch in value.EnumerateArray())
        {
            var branchPath = PatternPath.Item(path, index++);
            if (branch.ValueKind != JsonValueKind.Object)
            {
                throw PatternPath.Problem(branchPath, "each alternative of $or must be an object pattern");
            }

            branches.Add(ParseObject(branch, branchPath));
        }

        return branches;
    }

    private static string Name(JsonProperty property, string path)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            throw PatternPath.Problem(path, "a field name is not valid text (half a surrogate pair)");
        }
    }
}

using System.Text.Json;

namespace CloudTrailNotifier.Matching;

/// <summary>
/// Compiles a field's list of alternatives: plain values (strings, numbers, true, false, null) and operators, each
/// an object with one key: prefix, suffix, equals-ignore-case, wildcard, anything-but, numeric, cidr, exists.
/// Anything EventBridge would refuse is refused here, with the place and the reason.
/// </summary>
internal static class OperatorParser
{
    public static FieldMatcher ParseField(string name, JsonElement list, string path)
    {
        if (list.GetArrayLength() == 0)
        {
            throw PatternPath.Problem(path, "an empty list matches nothing; give at least one value");
        }

        var alternatives = new List<LeafMatcher>();
        bool existsTrue = false, existsFalse = false;
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var itemPath = PatternPath.Item(path, index++);
            if (item.ValueKind == JsonValueKind.Object && IsExists(item, itemPath, out var exists))
            {
                existsTrue |= exists;
                existsFalse |= !exists;
            }
            else
            {
                alternatives.Add(ParseAlternative(item, itemPath));
            }
        }

        return new FieldMatcher(name, alternatives, existsTrue, existsFalse);
    }

    private static bool IsExists(JsonElement item, string path, out bool exists)
    {
        exists = false;
        var (op, value) = Single(item, path);
        if (op != "exists")
        {
            return false;
        }

        exists = value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw PatternPath.Problem(path, "exists takes true or false"),
        };
        return true;
    }

    private static LeafMatcher ParseAlternative(JsonElement item, string path)
    {
        switch (item.ValueKind)
        {
            case JsonValueKind.String:
                return ExactMatcher.String(Text(item, path));
            case JsonValueKind.Number:
                return ExactMatcher.Number(Number(item, path));
            case JsonValueKind.True:
                return ExactMatcher.Literal(LeafKind.True);
            case JsonValueKind.False:
                return ExactMatcher.Literal(LeafKind.False);
            case JsonValueKind.Null:
                return ExactMatcher.Literal(LeafKind.Null);
            case JsonValueKind.Array:
                throw PatternPath.Problem(path, "a list inside a list of values; write the values in one list");
        }

        var (op, value) = Single(item, path);
        return op switch
        {
            "prefix" => new PrefixMatcher(Affix(value, op, path, out var ignoreCase), ignoreCase),
            "suffix" => new SuffixMatcher(Affix(value, op, path, out var ignoreCase), ignoreCase),
            "equals-ignore-case" => new EqualsIgnoreCaseMatcher(String(value, op, path)),
            "wildcard" => Wildcard(String(value, op, path), path),
            "anything-but" => AnythingBut(value, path),
            "numeric" => NumericRange.Parse(value, path),
            "cidr" => CidrMatcher.Parse(String(value, op, path))
                ?? throw PatternPath.Problem(path, "cidr takes an IP block such as \"10.0.0.0/24\" or \"2001:db8::/32\""),
            _ => throw PatternPath.Problem(path, $"unknown operator \"{PatternPath.Child(string.Empty, op)}\" (known: prefix, suffix, equals-ignore-case, wildcard, anything-but, numeric, cidr, exists)"),
        };
    }

    private static LeafMatcher AnythingBut(JsonElement value, string path)
    {
        const string op = "anything-but";
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return new AnythingButMatcher([ExactMatcher.String(Text(value, path))]);
            case JsonValueKind.Number:
                return new AnythingButMatcher([ExactMatcher.Number(Number(value, path))]);
            case JsonValueKind.Array:
                return new AnythingButMatcher(ValueList(value, path));
            case JsonValueKind.Object:
                break;
            default:
                throw PatternPath.Problem(path, "anything-but takes a string, a number, a list of them, or one of prefix, suffix, equals-ignore-case, wildcard");
        }

        var (inner, innerValue) = Single(value, path);
        return inner switch
        {
            "prefix" => new AnythingButMatcher([new PrefixMatcher(String(innerValue, $"{op} {inner}", path), ignoreCase: false)]),
            "suffix" => new AnythingButMatcher([new SuffixMatcher(String(innerValue, $"{op} {inner}", path), ignoreCase: false)]),
            "equals-ignore-case" => new AnythingButMatcher(
                [.. Strings(innerValue, $"{op} {inner}", path).Select(text => new EqualsIgnoreCaseMatcher(text))]),
            "wildcard" => new AnythingButMatcher(
                [.. Strings(innerValue, $"{op} {inner}", path).Select(text => Wildcard(text, path))]),
            _ => throw PatternPath.Problem(path, "anything-but takes prefix, suffix, equals-ignore-case or wildcard inside it"),
        };
    }

    /// <summary>anything-but's list: all strings or all numbers, at least one.</summary>
    private static List<LeafMatcher> ValueList(JsonElement list, string path)
    {
        var matchers = new List<LeafMatcher>();
        var kind = JsonValueKind.Undefined;
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind is not (JsonValueKind.String or JsonValueKind.Number) || (kind != JsonValueKind.Undefined && item.ValueKind != kind))
            {
                throw PatternPath.Problem(path, "anything-but's list must hold only strings or only numbers");
            }

            kind = item.ValueKind;
            matchers.Add(kind == JsonValueKind.String ? ExactMatcher.String(Text(item, path)) : ExactMatcher.Number(Number(item, path)));
        }

        return matchers.Count > 0 ? matchers : throw PatternPath.Problem(path, "anything-but's list is empty");
    }

    private static string Affix(JsonElement value, string op, string path, out bool ignoreCase)
    {
        ignoreCase = value.ValueKind == JsonValueKind.Object;
        if (!ignoreCase)
        {
            return String(value, op, path);
        }

        var (inner, innerValue) = Single(value, path);
        return inner == "equals-ignore-case"
            ? String(innerValue, $"{op} equals-ignore-case", path)
            : throw PatternPath.Problem(path, $"{op} takes a string or {{\"equals-ignore-case\": string}}");
    }

    private static WildcardMatcher Wildcard(string text, string path)
    {
        var matcher = WildcardMatcher.Parse(text, out var problem);
        return problem is null ? matcher : throw PatternPath.Problem(path, problem);
    }

    private static (string Name, JsonElement Value) Single(JsonElement obj, string path)
    {
        (string, JsonElement)? found = null;
        foreach (var property in obj.EnumerateObject())
        {
            if (found is not null)
            {
                throw PatternPath.Problem(path, "an operator object has exactly one key, such as {\"prefix\": \"us-\"}");
            }

            found = (NameOf(property, path), property.Value);
        }

        return found ?? throw PatternPath.Problem(path, "an empty object is not an operator");
    }

    private static string String(JsonElement value, string op, string path) =>
        value.ValueKind == JsonValueKind.String ? Text(value, path) : throw PatternPath.Problem(path, $"{op} takes a string");

    private static List<string> Strings(JsonElement value, string op, string path)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return [String(value, op, path)];
        }

        var texts = value.EnumerateArray().Select(item => String(item, op, path)).ToList();
        return texts.Count > 0 ? texts : throw PatternPath.Problem(path, $"{op} has an empty list");
    }

    internal static string Text(JsonElement value, string path)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw PatternPath.Problem(path, "a string is not valid text (half a surrogate pair)");
        }
    }

    internal static double Number(JsonElement value, string path) =>
        value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : throw PatternPath.Problem(path, "the number is too large");

    private static string NameOf(JsonProperty property, string path)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            throw PatternPath.Problem(path, "a key is not valid text (half a surrogate pair)");
        }
    }
}

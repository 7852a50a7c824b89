using System.Text.RegularExpressions;

namespace CloudTrailNotifier.Tests.Support;

/// <summary>
/// Whether a body depends on column alignment, the way it would in a monospaced terminal only: a run of
/// three or more spaces after a line's first character, or a line indented by more than four spaces that
/// is not a nested "key: value" line (or a "key:" opening one, or a "- " list item) of a details section.
/// </summary>
internal static partial class LayoutRules
{
    public static IReadOnlyList<string> Violations(string body)
    {
        var violations = new List<string>();
        var lines = body.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var content = line.TrimStart(' ');
            var indent = line.Length - content.Length;
            if (SpaceRun().IsMatch(content))
            {
                violations.Add($"line {i + 1} aligns with a run of spaces: '{line}'");
            }
            else if (indent > 4 && !NestedLine().IsMatch(content))
            {
                violations.Add($"line {i + 1} is indented by {indent} spaces but is not a nested key: value: '{line}'");
            }
        }

        return violations;
    }

    public static void AssertNone(string body, string context)
    {
        var violations = Violations(body);
        Assert.True(violations.Count == 0, $"{context}: {string.Join("\n", violations.Take(5))}");
    }

    [GeneratedRegex(@"\S {3,}")]
    private static partial Regex SpaceRun();

    /// <summary>"key: value", "key:" or a list item ("- value", "-" before a nested object).</summary>
    [GeneratedRegex(@"^(?:-(?: .*)?|[^ ].*?:(?: .*)?)$")]
    private static partial Regex NestedLine();
}

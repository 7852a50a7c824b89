using System.Text;

namespace CloudTrailNotifier.Matching;

/// <summary>Names a place in a pattern for an error line: <c>detail.$or[2].eventName</c>, control characters shown as '?'.</summary>
internal static class PatternPath
{
    public static string Child(string parent, string name)
    {
        var safe = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            safe.Append(char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' ? '?' : c);
        }

        return parent.Length == 0 ? safe.ToString() : $"{parent}.{safe}";
    }

    public static string Item(string parent, int index) => $"{parent}[{index}]";

    public static PatternException Problem(string path, string problem) =>
        new(path.Length == 0 ? problem : $"{path}: {problem}");
}

using System.Text;

namespace CloudTrailNotifier.Rendering;

/// <summary>
/// Lays out the body: section titles, aligned "label  value" lines, indented detail lines. Labels are
/// the program's own text; values reach here escaped, or are escaped here.
/// </summary>
internal sealed class TextLayout(StringBuilder builder, int valueColumn)
{
    /// <summary>Longest value, in characters, written on a summary or detail line.</summary>
    public const int MaxValueChars = 1024;

    public StringBuilder Builder { get; } = builder;

    public void Line(string text) => Builder.Append(text).Append('\n');

    public void BlankLine() => Builder.Append('\n');

    public void Section(string title)
    {
        Builder.Append('\n').Append(title).Append('\n');
    }

    /// <summary>A label and a value that is already safe (composed from escaped parts).</summary>
    public void Field(string label, string safeValue)
    {
        Label(label);
        Builder.Append(safeValue).Append('\n');
    }

    /// <summary>A label and an untrusted value, escaped and cut to <see cref="MaxValueChars"/>.</summary>
    public void UntrustedField(string label, string? value, Func<int, string> omittedNote)
    {
        if (value is null)
        {
            return;
        }

        Label(label);
        var omitted = SafeText.Append(Builder, value, MaxValueChars);
        if (omitted > 0)
        {
            Builder.Append(' ').Append(omittedNote(omitted));
        }

        Builder.Append('\n');
    }

    /// <summary>A continuation line aligned under the previous value.</summary>
    public void Continuation(string safeValue)
    {
        Builder.Append(' ', valueColumn).Append(safeValue).Append('\n');
    }

    private void Label(string label)
    {
        Builder.Append("  ").Append(label);
        var width = 2 + DisplayWidth(label);
        Builder.Append(' ', Math.Max(2, valueColumn - width));
    }

    /// <summary>Display cells of a label: East Asian wide and full-width characters take two.</summary>
    public static int DisplayWidth(string text)
    {
        var width = 0;
        foreach (var c in text)
        {
            width += IsWide(c) ? 2 : 1;
        }

        return width;
    }

    private static bool IsWide(char c) =>
        c is (>= '\u1100' and <= '\u115F') or (>= '\u2E80' and <= '\uA4CF') or (>= '\uAC00' and <= '\uD7A3')
            or (>= '\uF900' and <= '\uFAFF') or (>= '\uFE30' and <= '\uFE4F') or (>= '\uFF00' and <= '\uFF60')
            or (>= '\uFFE0' and <= '\uFFE6');
}

using System.Text;

namespace CloudTrailNotifier.Rendering;

/// <summary>
/// Lays out the body so that it reads the same in any font: short section titles on their own line,
/// "Label: value" lines with the value on its label's line, list items marked with "- ", and nothing
/// aligned by counting spaces (webmail and phones show plain text in a proportional font). Labels are
/// the program's own text; values reach here escaped, or are escaped here.
/// </summary>
/// <param name="omittedNote">The note after a value cut short, given how many characters were left out.</param>
internal sealed class TextLayout(StringBuilder builder, Func<int, string> omittedNote)
{
    /// <summary>Longest value, in characters, written on a summary or detail line.</summary>
    public const int MaxValueChars = 1024;

    /// <summary>Between a label and its value, in both languages (see README, "Layout").</summary>
    public const string Separator = ": ";

    /// <summary>Lines of a section, and summary lines, start this far in.</summary>
    public const string Indent = "  ";

    /// <summary>List items that belong to the field above them start this far in.</summary>
    public const string ItemIndent = "    ";

    public StringBuilder Builder { get; } = builder;

    public void Line(string text) => Builder.Append(text).Append('\n');

    /// <summary>A line that starts <paramref name="indent"/> in (appended as it is, not joined into a string first).</summary>
    public void Line(string indent, string text) => Builder.Append(indent).Append(text).Append('\n');

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
    public void UntrustedField(string label, string? value)
    {
        if (value is null)
        {
            return;
        }

        Label(label);
        var omitted = EmailText.Append(Builder, value, MaxValueChars);
        if (omitted > 0)
        {
            Builder.Append(' ').Append(omittedNote(omitted));
        }

        Builder.Append('\n');
    }

    /// <summary>A label and the parts that are there (each already safe), joined by <paramref name="separator"/>; nothing when none is.</summary>
    public void JoinedField(string label, string separator, params ReadOnlySpan<string?> safeParts)
    {
        var first = true;
        foreach (var part in safeParts)
        {
            if (part is null)
            {
                continue;
            }

            if (first)
            {
                Label(label);
            }
            else
            {
                Builder.Append(separator);
            }

            Builder.Append(part);
            first = false;
        }

        if (!first)
        {
            Builder.Append('\n');
        }
    }

    /// <summary>A label whose values follow as <see cref="Item"/> lines.</summary>
    public void ListLabel(string label)
    {
        Builder.Append(Indent).Append(label).Append(Separator.AsSpan().TrimEnd()).Append('\n');
    }

    /// <summary>One value of the field above, as a list item of its own.</summary>
    public void Item(string safeValue)
    {
        Builder.Append(ItemIndent).Append("- ").Append(safeValue).Append('\n');
    }

    /// <summary>A marked line of a section (a signal): the mark, then the text.</summary>
    public void Marked(char mark, string safeText)
    {
        Builder.Append(Indent).Append(mark).Append(' ').Append(safeText).Append('\n');
    }

    private void Label(string label)
    {
        Builder.Append(Indent).Append(label).Append(Separator);
    }
}

using System.Text;

namespace CloudTrailNotifier.Rendering.Chat;

/// <summary>
/// Lays out a card's description in chat markdown within a character budget: one line per fact, labels in
/// bold, items marked with a bullet. A line that no longer fits is left out whole, never cut, and the card says
/// how many were; the closing lines (links, where the rest is) are reserved first, so they always appear.
/// </summary>
internal sealed class ChatLayout
{
    /// <summary>
    /// Slack's limit for a section's text is 3,000 characters; Amazon Q does not document its own, so a card stays
    /// under the smallest limit it may meet.
    /// </summary>
    public const int MaxDescriptionChars = 3000;

    /// <summary>Room kept for the note that says how many lines were left out.</summary>
    private const int NoteReserve = 160;

    private readonly List<string> _lines = [];
    private readonly List<string> _closing = [];
    private readonly int _budget;
    private int _used;
    private int _omitted;

    /// <param name="closing">The last lines, always shown (already chat markdown).</param>
    public ChatLayout(IEnumerable<string> closing, int maxChars = MaxDescriptionChars)
    {
        foreach (var line in closing)
        {
            _closing.Add(ChatMarkdown.SpaceCodeSpans(line));
        }

        _budget = maxChars - NoteReserve - _closing.Sum(line => line.Length + 1);
    }

    public void Line(string text)
    {
        var line = ChatMarkdown.SpaceCodeSpans(text);
        if (_used + line.Length + 1 > _budget)
        {
            _omitted++;
            return;
        }

        _lines.Add(line);
        _used += line.Length + 1;
    }

    /// <summary>"*Label:* value"; nothing when the value is null.</summary>
    public void Field(string label, string? value)
    {
        if (value is not null)
        {
            Line($"{ChatMarkdown.Bold(label + ":")} {value}");
        }
    }

    public void Heading(string title) => Line(ChatMarkdown.Bold(title));

    public void Item(string text) => Line("\u2022 " + text);

    /// <param name="omittedNote">The sentence for so many lines left out.</param>
    public string Finish(Func<int, string> omittedNote)
    {
        var text = new StringBuilder(_used + 256);
        foreach (var line in _lines)
        {
            text.Append(line).Append('\n');
        }

        if (_omitted > 0)
        {
            text.Append(omittedNote(_omitted)).Append('\n');
        }

        foreach (var line in _closing)
        {
            text.Append(line).Append('\n');
        }

        return text.ToString().TrimEnd('\n');
    }
}

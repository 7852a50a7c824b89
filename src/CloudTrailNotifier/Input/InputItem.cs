using System.Text.Json;

namespace CloudTrailNotifier.Input;

/// <summary>
/// One thing read from an input: an event, or the one-line reason a part of the input could not be read.
/// An event's element is valid only until the next item is read.
/// </summary>
/// <param name="Where">Where in the input the problem is (<c>line 3</c>, <c>record 7</c>), or null for the input as a whole.</param>
internal readonly record struct InputItem(JsonElement Event, string? Problem, string? Where)
{
    public bool IsEvent => Problem is null;

    /// <summary>The problem with its place, as one line: <c>line 3: not valid JSON at byte 5</c>.</summary>
    public string Describe() => Where is null ? Problem! : $"{Where}: {Problem}";
}

using System.Text.Json;

namespace CloudTrailNotifier.Matching;

/// <summary>What an event holds under one field name: nothing, a JSON value, or a string made up for a bare record.</summary>
internal readonly struct FieldValue
{
    private FieldValue(JsonElement element, string? text, bool present)
    {
        Element = element;
        Text = text;
        IsPresent = present;
    }

    public static FieldValue Absent => default;

    public bool IsPresent { get; }

    /// <summary>The JSON value, when present and not a made-up string.</summary>
    public JsonElement Element { get; }

    /// <summary>A made-up string value (a bare record's synthesized envelope field); null otherwise.</summary>
    public string? Text { get; }

    public static FieldValue Of(JsonElement element) => new(element, null, present: true);

    public static FieldValue OfText(string? text) => text is null ? Absent : new(default, text, present: true);
}

using System.Text.Json;
using CloudTrailNotifier.Events;

namespace CloudTrailNotifier.Matching;

/// <summary>The fields of a JSON object; a value that is not an object has none.</summary>
internal readonly struct ElementFields(JsonElement element) : IFieldSource
{
    public FieldValue Get(string name) =>
        element.ValueKind == JsonValueKind.Object && JsonFields.TryGet(element, name, out var value)
            ? FieldValue.Of(value)
            : FieldValue.Absent;
}

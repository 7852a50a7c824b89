namespace CloudTrailNotifier.Tests.Redaction;

/// <summary>How a planted secret sits in the event.</summary>
public enum PlantShape
{
    String,
    InArray,
    InObject,
    Deep,
    EmbeddedJson,
    EmbeddedJsonInArray,
    KeyValueText,
}

using System.Text.Json;

namespace CloudTrailNotifier.Matching;

/// <summary>
/// The top level of a bare CloudTrail record (from a log file) read as the EventBridge event CloudTrail would have
/// delivered: the record is <c>detail</c>, the other envelope fields are made up from it (<see cref="CloudTrailEnvelope"/>).
/// </summary>
internal readonly struct BareRecordFields(JsonElement record) : IFieldSource
{
    public FieldValue Get(string name) => name == "detail"
        ? FieldValue.Of(record)
        : FieldValue.OfText(CloudTrailEnvelope.Field(record, name));
}

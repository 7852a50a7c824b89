namespace CloudTrailNotifier.Matching;

/// <summary>The fields of a level the event does not have (a missing field, a string, an empty array): none.</summary>
internal readonly struct NoFields : IFieldSource
{
    public FieldValue Get(string name) => FieldValue.Absent;
}

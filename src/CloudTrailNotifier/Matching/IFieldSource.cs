namespace CloudTrailNotifier.Matching;

/// <summary>The fields of one object level of an event, as a pattern's object level reads them.</summary>
internal interface IFieldSource
{
    FieldValue Get(string name);
}

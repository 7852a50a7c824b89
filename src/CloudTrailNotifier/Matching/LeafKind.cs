namespace CloudTrailNotifier.Matching;

/// <summary>The JSON kind of a leaf value, the only values a pattern's operators look at.</summary>
internal enum LeafKind
{
    String,
    Number,
    True,
    False,
    Null,
}

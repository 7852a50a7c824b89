namespace CloudTrailNotifier.Folding;

/// <summary>
/// One minute of the rate guard as the state table counts it: first events sent in it, in all and by principal (each
/// principal by its <see cref="FoldDecider.PrincipalKey"/>).
/// </summary>
internal sealed record RateMinute(long Sent, IReadOnlyDictionary<string, long> ByPrincipal)
{
    public static readonly RateMinute Empty = new(0, new Dictionary<string, long>(StringComparer.Ordinal));

    /// <summary>First events of the principal sent in the minute.</summary>
    public long Of(string principalKey) => ByPrincipal.TryGetValue(principalKey, out var sent) ? sent : 0;
}

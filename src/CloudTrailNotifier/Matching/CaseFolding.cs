namespace CloudTrailNotifier.Matching;

/// <summary>How the ignore-case operators compare: both sides lower-cased with the invariant culture's rules.</summary>
internal static class CaseFolding
{
    public static string Fold(string text) => text.ToLowerInvariant();
}

namespace CloudTrailNotifier.Describing;

/// <summary>
/// Whether an IAM wildcard pattern (<c>*</c> any run of characters, colons included; <c>?</c> one character)
/// matches every action or every resource, in any spelling: <c>*</c>, <c>**</c>, <c>*?*</c>, <c>*:*?</c>,
/// <c>arn:*</c>, <c>arn:aws:*:*:*:*</c>. Pure.
/// </summary>
internal static class WildcardPatterns
{
    /// <summary>Partitions a policy may name literally and still mean every resource of its account's partition.</summary>
    private static readonly string[] Partitions = ["aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"];

    /// <summary>Every action: only wildcards (at least one <c>*</c>), or SERVICE:ACTION where both parts are.</summary>
    public static bool MatchesEveryAction(string pattern)
    {
        if (IsAnything(pattern))
        {
            return true;
        }

        var colon = pattern.IndexOf(':');
        return colon > 0 && IsAnything(pattern[..colon]) && IsAnything(pattern[(colon + 1)..]);
    }

    /// <summary>
    /// Every resource: only wildcards (at least one <c>*</c>), or <c>arn:</c> then a partition (named or a wildcard)
    /// and wildcard fields, the last one holding a <c>*</c> (it also spans the colons of the fields it stands for).
    /// The region and account fields may be empty in an ARN, so there only <c>*</c> counts, not <c>?</c>.
    /// </summary>
    public static bool MatchesEveryResource(string pattern)
    {
        if (IsAnything(pattern))
        {
            return true;
        }

        if (!pattern.StartsWith("arn:", StringComparison.Ordinal))
        {
            return false;
        }

        // PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE, of which the pattern may write only the first few.
        var fields = pattern["arn:".Length..].Split(':', 5);
        for (var i = 0; i < fields.Length; i++)
        {
            var field = fields[i];
            var last = i == fields.Length - 1;
            var fits = last ? IsAnything(field)
                : i == 0 ? Partitions.Contains(field) || IsAnything(field)
                : i is 2 or 3 ? field.Length > 0 && field.AsSpan().IndexOfAnyExcept('*') < 0
                : IsAnything(field);
            if (!fits)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Only <c>*</c> and <c>?</c>, with at least one <c>*</c>: matches any name long enough for its <c>?</c>s.</summary>
    private static bool IsAnything(string field) =>
        field.Contains('*') && field.AsSpan().IndexOfAnyExcept('*', '?') < 0;
}

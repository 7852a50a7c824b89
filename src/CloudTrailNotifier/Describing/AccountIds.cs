namespace CloudTrailNotifier.Describing;

/// <summary>Recognises AWS account ids, bare or inside an ARN.</summary>
internal static class AccountIds
{
    /// <summary>True for exactly twelve ASCII digits.</summary>
    public static bool IsAccountId(string? value) =>
        value is { Length: 12 } && value.All(char.IsAsciiDigit);

    /// <summary>The account id <paramref name="value"/> is or names (<c>arn:aws:iam::ACCOUNT:...</c>), or null.</summary>
    public static string? Of(string? value)
    {
        if (IsAccountId(value))
        {
            return value;
        }

        if (value is null || !value.StartsWith("arn:", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = value.Split(':', 6);
        return parts.Length >= 5 && IsAccountId(parts[4]) ? parts[4] : null;
    }

    /// <summary>True when <paramref name="account"/> is a real account id other than <paramref name="recipient"/>.</summary>
    public static bool IsOutside(string? account, string? recipient) =>
        IsAccountId(account) && recipient is not null && !string.Equals(account, recipient, StringComparison.Ordinal);
}

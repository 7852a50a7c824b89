using CloudTrailNotifier.Events;

namespace CloudTrailNotifier.Describing;

/// <summary>Recognises AWS account ids, bare or inside an ARN.</summary>
internal static class AccountIds
{
    /// <summary>True for exactly twelve ASCII digits.</summary>
    public static bool IsAccountId(string? value) =>
        value is { Length: 12 } && !value.AsSpan().ContainsAnyExceptInRange('0', '9');

    /// <summary>The account id <paramref name="value"/> is or names (<c>arn:aws:iam::ACCOUNT:...</c>), or null.</summary>
    public static string? Of(string? value)
    {
        if (IsAccountId(value))
        {
            return value;
        }

        return ArnText.TryParse(value, out var arn) && IsAccountId(arn.Account) ? arn.Account : null;
    }

    /// <summary>True when <paramref name="account"/> is a real account id other than <paramref name="recipient"/>.</summary>
    public static bool IsOutside(string? account, string? recipient) =>
        IsAccountId(account) && recipient is not null && !string.Equals(account, recipient, StringComparison.Ordinal);
}

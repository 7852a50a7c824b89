namespace CloudTrailNotifier.Describing;

/// <summary>
/// Tells session names a program made up (<c>aws-go-sdk-1688...</c>, <c>botocore-session-1700...</c>, an
/// instance id, a GUID, a long number) from names a person chose or is known by.
/// </summary>
internal static class SessionNames
{
    public static bool IsMachineMade(string? session)
    {
        if (string.IsNullOrEmpty(session))
        {
            return false;
        }

        if (session.StartsWith("aws-go-sdk-", StringComparison.Ordinal)
            || session.StartsWith("aws-sdk-", StringComparison.Ordinal)
            || session.StartsWith("botocore-session-", StringComparison.Ordinal)
            || session.StartsWith("AWSCLI-Session", StringComparison.Ordinal)
            || Guid.TryParse(session, out _))
        {
            return true;
        }

        if (session.StartsWith("i-", StringComparison.Ordinal) && session.Length >= 10 && session.AsSpan(2).ContainsAnyExcept("0123456789abcdef") == false)
        {
            return true;
        }

        // A run of ten digits or more (a timestamp or counter), or sixteen hex digits and more: generated.
        int digits = 0, hex = 0;
        foreach (var c in session)
        {
            digits = char.IsAsciiDigit(c) ? digits + 1 : 0;
            hex = char.IsAsciiHexDigitLower(c) ? hex + 1 : 0;
            if (digits >= 10 || hex >= 16)
            {
                return true;
            }
        }

        return false;
    }
}

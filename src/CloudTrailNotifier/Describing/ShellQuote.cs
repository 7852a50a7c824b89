namespace CloudTrailNotifier.Describing;

/// <summary>Quotes untrusted values for a POSIX shell command line, so a value can never become more than one argument.</summary>
internal static class ShellQuote
{
    /// <summary>
    /// The value as is when it holds only characters no shell treats specially, else in single quotes
    /// (a single quote inside becomes <c>'\''</c>). Control characters are escaped later, like every string shown.
    /// </summary>
    public static string Arg(string value)
    {
        if (value.Length > 0 && value.All(IsPlain))
        {
            return value;
        }

        return "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    private static bool IsPlain(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or '@' or '+' or ',' or '=';
}

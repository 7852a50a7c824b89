using CloudTrailNotifier.Describing.UserAgents;
using CloudTrailNotifier.Events;

namespace CloudTrailNotifier.Describing;

/// <summary>
/// Length limits and span helpers shared by the classifiers. Every string a classifier returns is built
/// here or is a constant, so none can grow past its limit however long or hostile the input is.
/// </summary>
internal static class DescriptionText
{
    /// <summary>Longest <see cref="ClientDescription.Name"/>.</summary>
    public const int MaxNameLength = 64;

    /// <summary>Longest <see cref="ClientDescription.Version"/>.</summary>
    public const int MaxVersionLength = 32;

    /// <summary>Longest <see cref="ClientDescription.Detail"/>.</summary>
    public const int MaxDetailLength = 64;

    /// <summary>Longest <see cref="SourceDescription.Address"/>.</summary>
    public const int MaxAddressLength = 64;

    /// <summary>Marks text that was cut short.</summary>
    public const char Ellipsis = '\u2026';

    /// <summary>
    /// Whether <paramref name="text"/> starts with the literal <c>AWS Internal</c> (any case) that CloudTrail
    /// writes as source and user agent of calls AWS makes for someone; <paramref name="rest"/> is what follows.
    /// </summary>
    public static bool StartsWithAwsInternal(ReadOnlySpan<char> text, out ReadOnlySpan<char> rest)
    {
        const string literal = "AWS Internal";
        var starts = text.StartsWith(literal, StringComparison.OrdinalIgnoreCase);
        rest = starts ? text[literal.Length..] : default;
        return starts;
    }

    /// <summary>
    /// The version at the start of <paramref name="value"/>: a digit (after an optional <c>v</c>) and then
    /// letters, digits, <c>.</c>, <c>-</c>, <c>+</c> or <c>_</c>; empty when there is none.
    /// </summary>
    public static ReadOnlySpan<char> VersionSpan(ReadOnlySpan<char> value)
    {
        if (value.Length > 1 && (value[0] == 'v' || value[0] == 'V') && char.IsAsciiDigit(value[1]))
        {
            value = value[1..];
        }

        if (value.IsEmpty || !char.IsAsciiDigit(value[0]))
        {
            return default;
        }

        var length = 1;
        while (length < value.Length && length < MaxVersionLength && IsVersionChar(value[length]))
        {
            length++;
        }

        // A version never ends in punctuation ("1.2." or "3.0-").
        while (!char.IsAsciiLetterOrDigit(value[length - 1]))
        {
            length--;
        }

        return value[..length];
    }

    /// <summary>The version at the start of <paramref name="value"/> as a string, or null.</summary>
    public static string? Version(ReadOnlySpan<char> value)
    {
        var version = VersionSpan(value);
        return version.IsEmpty ? null : version.ToString();
    }

    /// <summary>The leading run of digits of <paramref name="value"/> (a major version), or null.</summary>
    public static string? MajorVersion(ReadOnlySpan<char> value)
    {
        var length = 0;
        while (length < value.Length && length < 6 && char.IsAsciiDigit(value[length]))
        {
            length++;
        }

        return length == 0 ? null : value[..length].ToString();
    }

    /// <summary>
    /// <paramref name="text"/> as a string of at most <paramref name="max"/> characters; longer text is cut,
    /// never inside a surrogate pair, and ends in an ellipsis.
    /// </summary>
    public static string Cap(ReadOnlySpan<char> text, int max)
    {
        if (text.Length <= max)
        {
            return text.ToString();
        }

        var keep = TextCut.Before(text, max - 1);

        return string.Concat(text[..keep], [Ellipsis]);
    }

    /// <summary>
    /// Copies <paramref name="source"/> into <paramref name="destination"/> with ASCII letters lower-cased, so
    /// product names can be matched with a <c>switch</c>; false when the name is too long to be a known one.
    /// </summary>
    public static bool TryLower(ReadOnlySpan<char> source, Span<char> destination, out int written)
    {
        written = 0;
        if (source.Length > destination.Length)
        {
            return false;
        }

        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = char.ToLowerInvariant(source[i]);
        }

        written = source.Length;
        return true;
    }

    /// <summary>True when every character is an ASCII letter, digit or one of <paramref name="extra"/>.</summary>
    public static bool IsAsciiWord(ReadOnlySpan<char> text, ReadOnlySpan<char> extra)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && !extra.Contains(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsVersionChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '+' or '_';
}

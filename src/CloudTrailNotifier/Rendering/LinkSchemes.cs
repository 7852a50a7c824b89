using System.Globalization;

namespace CloudTrailNotifier.Rendering;

/// <summary>The addresses that mail and chat clients turn into links, as the defanging of both outputs sees them.</summary>
internal static class LinkSchemes
{
    /// <summary>
    /// Whether the text before a <c>://</c> ends in a web scheme (http, https, ftp, ftps), also inside a word
    /// (<c>xhttp://</c> links too); <c>s3://</c> does not.
    /// </summary>
    public static bool EndsWithWebScheme(ReadOnlySpan<char> before) =>
        before.EndsWith("http", StringComparison.OrdinalIgnoreCase) || before.EndsWith("https", StringComparison.OrdinalIgnoreCase)
        || before.EndsWith("ftp", StringComparison.OrdinalIgnoreCase) || before.EndsWith("ftps", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether a client could link across the dot at <paramref name="dot"/>: the dot of <c>www.</c>, or a dot between
    /// a name and a top-level domain (<c>example.com</c>, <c>alice@example.co.uk</c> at both its dots, <c>Amazon.com_Inc</c>;
    /// mail and chat clients link bare domain names and addresses by themselves). Versions and addresses (<c>2.13.5</c>,
    /// <c>10.0.0.1</c>) and names whose last part is not a top-level domain (<c>bob.ross</c>, <c>config.json</c>) are not.
    /// </summary>
    public static bool IsLinkableDot(ReadOnlySpan<char> text, int dot) =>
        dot > 0 && IsLabelChar(text[dot - 1]) && MayBeLinkableDot(text, dot);

    /// <summary>
    /// <see cref="IsLinkableDot"/> without looking at the character before the dot, which escaping may still turn into
    /// one a name ends in (<c>\u200B</c> ends in <c>B</c>): what a value must be checked for before it is escaped.
    /// </summary>
    public static bool MayBeLinkableDot(ReadOnlySpan<char> text, int dot)
    {
        if (text[..dot].EndsWith("www", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var after = text[(dot + 1)..];
        if (after.IsEmpty || !char.IsLetter(after[0]))
        {
            return false;
        }

        var length = 1;
        while (length < after.Length && length <= TopLevelDomains.MaxLength && IsLabelChar(after[length]))
        {
            length++;
        }

        return TopLevelDomains.Instance.Contains(after[..length]);
    }

    /// <summary>A character a domain name's label is made of: a letter, digit or hyphen, or a mark on one (internationalized names).</summary>
    private static bool IsLabelChar(char c) => c < 0x80
        ? char.IsAsciiLetterOrDigit(c) || c == '-'
        : char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}

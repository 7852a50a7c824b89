using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace CloudTrailNotifier.Rendering;

/// <summary>The addresses that mail and chat clients turn into links, as the defanging of both outputs sees them.</summary>
internal static class LinkSchemes
{
    /// <summary>The characters an address is defanged at: the colon of <c>://</c>, and dots (ASCII, ideographic, fullwidth, halfwidth).</summary>
    public static SearchValues<char> Separators { get; } = SearchValues.Create(":.\u3002\uFF0E\uFF61");

    /// <summary>
    /// Whether the text before a <c>://</c> ends in a scheme a client may link: any scheme (http, https, ftp, file,
    /// telnet, wss, also inside a word, as <c>xhttp://</c> links too) but <c>s3://</c>, which none links and which
    /// values hold often.
    /// </summary>
    public static bool IsLinkedScheme(ReadOnlySpan<char> before)
    {
        var start = before.Length;
        while (start > 0 && (char.IsAsciiLetterOrDigit(before[start - 1]) || before[start - 1] is '+' or '-' or '.'))
        {
            start--;
        }

        var scheme = before[start..];
        return !scheme.IsEmpty && !scheme.Equals("s3", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Whether a client could link across the dot at <paramref name="dot"/>: the dot of <c>www.</c> or <c>ftp.</c>, or a dot between
    /// a name and a top-level domain (<c>example.com</c>, <c>alice@example.co.uk</c> at both its dots, <c>Amazon.com_Inc</c>;
    /// mail and chat clients link bare domain names and addresses by themselves). Versions and addresses (<c>2.13.5</c>,
    /// <c>10.0.0.1</c>) and names whose last part is not a top-level domain (<c>bob.ross</c>, <c>config.json</c>) are not.
    /// </summary>
    public static bool IsLinkableDot(ReadOnlySpan<char> text, int dot)
    {
        if (dot == 0 || !IsLabelChar(text[dot - 1]))
        {
            return false;
        }

        if (EndsInWwwOrFtp(text[..dot]))
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

        if (TopLevelDomains.Instance.Contains(after[..length]))
        {
            return true;
        }

        // Clients that know only ASCII names end the name where ASCII ends (evil.comя, evil.com̲), and text in Japanese
        // runs straight on after a name (evil.comへ, example.中国へ): the label is also tried up to each such boundary.
        for (var end = 1; end < length; end++)
        {
            if (IsNameBoundary(after[end - 1], after[end]) && TopLevelDomains.Instance.Contains(after[..end]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where a link detector may end a name inside what reads as one label: ASCII to other text, a combining mark, kana.</summary>
    private static bool IsNameBoundary(char before, char c) =>
        char.IsAscii(before) != char.IsAscii(c) || IsKana(before) != IsKana(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static bool IsKana(char c) => c is >= '\u3040' and <= '\u30FF';

    /// <summary>
    /// Whether <paramref name="before"/> ends in www or ftp, in any case, as an ordinal case-insensitive comparison says:
    /// no character beyond ASCII upper-cases to w, f, t or p, so ASCII lower-cased by hand tells.
    /// </summary>
    private static bool EndsInWwwOrFtp(ReadOnlySpan<char> before) =>
        before.Length >= 3 && (before[^3] | 0x20, before[^2] | 0x20, before[^1] | 0x20) is ('w', 'w', 'w') or ('f', 't', 'p');

    /// <summary>A character a domain name's label is made of: a letter, digit or hyphen, or a mark on one (internationalized names).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsLabelChar(char c) => c < 0x80 ? char.IsAsciiLetterOrDigit(c) || c == '-' : IsWideLabelChar(c);

    private static bool IsWideLabelChar(char c) =>
        char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}

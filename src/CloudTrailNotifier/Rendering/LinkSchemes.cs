using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace CloudTrailNotifier.Rendering;

/// <summary>The addresses that mail and chat clients turn into links, as the defanging of both outputs sees them.</summary>
internal static class LinkSchemes
{
    /// <summary>
    /// The characters an address is defanged at: the colon of <c>://</c>, and dots, with every character a browser reads as
    /// one (<see cref="LinkSeparators"/>: ideographic, fullwidth, small, vertical full stops, leaders, ⒈).
    /// </summary>
    public static SearchValues<char> Separators => LinkSeparators.All;

    /// <summary>
    /// Whether the colon (or a character read as one, <paramref name="width"/> units long) at <paramref name="colon"/> is
    /// a linked scheme's: followed by two slashes (or characters read as slashes) after any scheme <see cref="IsLinkedScheme"/>
    /// takes, or, after a web scheme (<c>http</c>, <c>https</c>, <c>ws</c>, <c>wss</c>, <c>ftp</c>) alone, by anything a
    /// host or path can start with: browsers read <c>https:evil.example</c>, <c>https:/x</c>, <c>https:\\x</c> and
    /// <c>https:3640133122</c> (a host as one number) as <c>https://</c>.
    /// </summary>
    public static bool IsSchemeColon(ReadOnlySpan<char> text, int colon, int width)
    {
        var after = text[(colon + width)..];
        if (StartsWithTwoSlashes(after))
        {
            return IsLinkedScheme(text[..colon]);
        }

        // A host starts with a letter or digit (a pair of surrogates too: 𝐞vil reads as evil), an IPv6 bracket, a percent
        // escape, or the slashes browsers skip (backslashes among them).
        return !after.IsEmpty && (IsLabelChar(after[0]) || char.IsHighSurrogate(after[0]) || after[0] is '\\' or '[' or '%' || LinkSeparators.IsSlash(after[0]))
            && IsWebScheme(text[..colon]);
    }

    private static bool StartsWithTwoSlashes(ReadOnlySpan<char> after) =>
        after.Length >= 2 && LinkSeparators.IsSlash(after[0]) && LinkSeparators.IsSlash(after[1]);

    /// <summary>Whether the text before a colon ends in a web scheme, as a whole word: <c>http</c>, <c>https</c>, <c>ws</c>, <c>wss</c>, <c>ftp</c>.</summary>
    private static bool IsWebScheme(ReadOnlySpan<char> before)
    {
        // Each of them ends in p or s (a scheme is ASCII): the colons of an ARN, a time or an ID are told at once.
        if (before.IsEmpty || (before[^1] | 0x20) is not ('p' or 's'))
        {
            return false;
        }

        var scheme = before[SchemeStart(before)..];
        return scheme.Equals("https", StringComparison.OrdinalIgnoreCase) || scheme.Equals("http", StringComparison.OrdinalIgnoreCase)
            || scheme.Equals("wss", StringComparison.OrdinalIgnoreCase) || scheme.Equals("ws", StringComparison.OrdinalIgnoreCase)
            || scheme.Equals("ftp", StringComparison.OrdinalIgnoreCase);
    }

    private static int SchemeStart(ReadOnlySpan<char> before)
    {
        var start = before.Length;
        while (start > 0 && (char.IsAsciiLetterOrDigit(before[start - 1]) || before[start - 1] is '+' or '-' or '.'))
        {
            start--;
        }

        return start;
    }

    /// <summary>
    /// Whether the text before a <c>://</c> ends in a scheme a client may link: any scheme (http, https, ftp, file,
    /// telnet, wss, also inside a word, as <c>xhttp://</c> links too) but <c>s3://</c>, which none links and which
    /// values hold often.
    /// </summary>
    public static bool IsLinkedScheme(ReadOnlySpan<char> before)
    {
        var scheme = before[SchemeStart(before)..];
        return !scheme.IsEmpty && !scheme.Equals("s3", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Whether a client could link across the dot at <paramref name="dot"/>: the dot of <c>www.</c> or <c>ftp.</c>, or a dot between
    /// a name and a top-level domain (<c>example.com</c>, <c>alice@example.co.uk</c> at both its dots, <c>Amazon.com_Inc</c>;
    /// mail and chat clients link bare domain names and addresses by themselves). Versions and addresses (<c>2.13.5</c>,
    /// <c>10.0.0.1</c>) and names whose last part is not a top-level domain (<c>bob.ross</c>, <c>config.json</c>) are not.
    /// The dot may be any character read as one (<see cref="LinkSeparators.IsDot"/>); one that brings its own name (⒈ is
    /// <c>1.</c>) needs none before it.
    /// </summary>
    public static bool IsLinkableDot(ReadOnlySpan<char> text, int dot)
    {
        var width = 1;
        if (text[dot] < LinkSeparators.FirstWide || !LinkSeparators.IsNamedDot(LinkSeparators.CodePointAt(text, dot, out width)))
        {
            if (dot == 0 || !IsLabelChar(text[dot - 1]))
            {
                return false;
            }

            if (EndsInWwwOrFtp(text[..dot]))
            {
                return true;
            }
        }

        var after = text[(dot + width)..];
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
        // An ASCII label has none (no ASCII character is a mark or kana).
        if (System.Text.Ascii.IsValid(after[..length]))
        {
            return false;
        }

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

using System.Buffers;

namespace CloudTrailNotifier.Rendering;

/// <summary>
/// The characters a browser reads as the dot, colon or slash of an address. A host name goes through IDNA, which maps
/// every character to its compatibility form (NFKC) and takes the ideographic full stops (U+3002 and its halfwidth
/// form) for dots: <c>evil﹒com</c>, <c>evil․com</c> and <c>login⒈com</c> (⒈ is <c>1.</c>) all lead to a dot-com. So a
/// dot here is every character whose compatibility form holds a <c>.</c>, and so on for <c>:</c> and <c>/</c>. The lists
/// are Unicode's, not a guess: a test derives them for every code point from ICU's normalization and holds them to it.
/// </summary>
internal static class LinkSeparators
{
    /// <summary>The lowest UTF-16 unit beyond ASCII that starts a dot or a colon (U+2024 ONE DOT LEADER).</summary>
    public const char FirstWide = '\u2024';

    /// <summary>The UTF-16 units beyond ASCII that start a dot or a colon (for U+1F100 🄀, <c>0.</c>, its high surrogate).</summary>
    public static SearchValues<char> Wide { get; } = SearchValues.Create(WideUnits);

    /// <summary>The UTF-16 units that start a dot or a colon: <c>.</c>, <c>:</c> and <see cref="Wide"/>.</summary>
    public static SearchValues<char> All { get; } = SearchValues.Create(".:" + WideUnits);

    private const string WideUnits =
        "\u2024\u2025\u2026\u2488\u2489\u248A\u248B\u248C\u248D\u248E\u248F\u2490\u2491\u2492\u2493\u2494\u2495\u2496\u2497"
        + "\u2498\u2499\u249A\u249B\u2A74\u3002\u33C2\u33C7\u33D8\uFE12\uFE13\uFE19\uFE30\uFE52\uFE55\uFF0E\uFF1A\uFF61\uD83C";

    /// <summary>
    /// Whether a link detector or browser reads the code point as a dot: <c>.</c>, the leaders and ellipses (<c>..</c>,
    /// <c>...</c>), the small, fullwidth, vertical and ideographic full stops, and the <see cref="IsNamedDot"/> ones.
    /// </summary>
    public static bool IsDot(int codePoint) =>
        codePoint is '.' or 0x2024 or 0x2025 or 0x2026 or 0x3002 or 0xFE12 or 0xFE19 or 0xFE30 or 0xFE52 or 0xFF0E or 0xFF61
        || IsNamedDot(codePoint);

    /// <summary>
    /// A dot whose compatibility form starts with letters or digits of a name: ⒈ to ⒛ (<c>1.</c> to <c>20.</c>), 🄀
    /// (<c>0.</c>), ㏂ (<c>a.m.</c>), ㏇ (<c>Co.</c>), ㏘ (<c>p.m.</c>). It needs no name before it to make one.
    /// </summary>
    public static bool IsNamedDot(int codePoint) => codePoint is (>= 0x2488 and <= 0x249B) or 0x1F100 or 0x33C2 or 0x33C7 or 0x33D8;

    /// <summary>Whether the code point reads as a colon: <c>:</c>, the small, fullwidth and vertical colons, ⩴ (<c>::=</c>).</summary>
    public static bool IsColon(int codePoint) => codePoint is ':' or 0x2A74 or 0xFE13 or 0xFE55 or 0xFF1A;

    /// <summary>Whether the code point reads as a slash: <c>/</c>, the fullwidth solidus, ℀ ℁ ℅ ℆ (<c>a/c</c>, <c>a/s</c>, <c>c/o</c>, <c>c/u</c>).</summary>
    public static bool IsSlash(int codePoint) => codePoint is '/' or 0x2100 or 0x2101 or 0x2105 or 0x2106 or 0xFF0F;

    /// <summary>The code point at <paramref name="at"/> (a lone surrogate as itself) and how many UTF-16 units it takes.</summary>
    public static int CodePointAt(ReadOnlySpan<char> text, int at, out int width)
    {
        var c = text[at];
        if (char.IsHighSurrogate(c) && at + 1 < text.Length && char.IsLowSurrogate(text[at + 1]))
        {
            width = 2;
            return char.ConvertToUtf32(c, text[at + 1]);
        }

        width = 1;
        return c;
    }

    /// <summary>How many UTF-16 units the character at <paramref name="at"/> takes: 2 for a surrogate pair.</summary>
    public static int WidthAt(ReadOnlySpan<char> text, int at) =>
        char.IsHighSurrogate(text[at]) && at + 1 < text.Length && char.IsLowSurrogate(text[at + 1]) ? 2 : 1;
}

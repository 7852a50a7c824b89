using FsCheck;
using FsCheck.Fluent;

namespace CloudTrailNotifier.Tests.Rendering;

/// <summary>Text for SafeText's properties: mostly printable ASCII with spaces in runs of every length, and what
/// must be escaped or kept: controls, line breaks, combining marks (stacked too), surrogates paired and not, CJK.</summary>
internal static class SafeTextSamples
{
    public static Gen<string> Texts()
    {
        var piece = Gen.OneOf(
            Gen.Choose(0x21, 0x7E).Select(i => ((char)i).ToString()),
            Gen.Choose(0x21, 0x7E).Select(i => ((char)i).ToString()),
            Gen.Choose(1, 6).Select(n => new string(' ', n)),
            Gen.Elements("\n", "\r", "\t", "\u0000", "\u007F", "\u0085", "\u00A0", "\u200B", "\u202E", "\u2028", "\uFEFF", "\u3164", "\uFE0F", "\u034F"),
            Gen.Elements("\u0301", "\u0302", "\u0303", "\u20DD", "e\u0301\u0302\u0303\u0304"),
            Gen.Choose(0xD800, 0xDFFF).Select(i => ((char)i).ToString()),
            Gen.Choose(0x10000, 0x10FFFF).Select(char.ConvertFromUtf32),
            Gen.Elements("\U000E0041", "\U0001F600", "日本語", "Việt"),
            Gen.Choose(0x80, 0xFFFF).Select(i => ((char)i).ToString()));
        return Gen.Choose(0, 120).SelectMany(n => piece.ListOf(n)).Select(parts => string.Concat(parts));
    }
}

namespace CloudTrailNotifier.Redaction;

/// <summary>
/// Kana as the key words of <see cref="RedactionRules.ForeignFragments"/> are written (security review, T6): halfwidth
/// katakana (<c>ﾊﾟｽﾜｰﾄﾞ</c>) as fullwidth, and a voiced or semi-voiced sound mark after its kana, combining
/// (U+3099, U+309A: <c>パスワード</c> decomposed), halfwidth (U+FF9E, U+FF9F) or spacing (U+309B, U+309C), as the one
/// composed kana (<c>パ</c>, <c>ド</c>). The project runs with invariant globalization, where
/// <see cref="string.Normalize()"/> changes nothing, so this small table does what NFKC would do for kana. Pure.
/// </summary>
internal static class KanaFolding
{
    private const char FirstHalfwidth = '\uFF66';

    private const char LastHalfwidth = '\uFF9F';

    /// <summary>U+FF66 to U+FF9D, in order, as fullwidth katakana.</summary>
    private const string Fullwidth = "ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン";

    private const char Voiced = '\u3099';

    private const char SemiVoiced = '\u309A';

    /// <summary>Kana that a voiced sound mark makes the next code point (カ + ゛ is ガ), katakana and hiragana.</summary>
    private const string VoicedBases = "カキクケコサシスセソタチツテトハヒフヘホかきくけこさしすせそたちつてとはひふへほ";

    /// <summary>Kana that a semi-voiced sound mark makes the code point after next (ハ + ゜ is パ).</summary>
    private const string SemiVoicedBases = "ハヒフヘホはひふへほ";

    /// <summary>Whether text holds a form this folds (halfwidth katakana or a sound mark): the first looks read such text.</summary>
    public static bool HasFoldedForms(ReadOnlySpan<char> text) =>
        text.IndexOfAnyInRange(FirstHalfwidth, LastHalfwidth) >= 0 || text.IndexOfAnyInRange(Voiced, '\u309C') >= 0;

    /// <summary>Whether a character is a sound mark in any of its forms (a part of the kana word before it).</summary>
    public static bool IsSoundMark(char c) => c is >= Voiced and <= '\u309C' or '\uFF9E' or '\uFF9F';

    /// <summary>A halfwidth katakana as fullwidth, a sound mark as the combining mark; any other character as it is.</summary>
    public static char Widen(char c) => c switch
    {
        '\uFF9E' or '\u309B' => Voiced,
        '\uFF9F' or '\u309C' => SemiVoiced,
        >= FirstHalfwidth and < '\uFF9E' => Fullwidth[c - FirstHalfwidth],
        _ => c,
    };

    /// <summary>The kana <paramref name="previous"/> and the (widened) sound mark <paramref name="mark"/> make; '\0' when they make none.</summary>
    public static char Compose(char previous, char mark) => mark switch
    {
        Voiced when previous is 'ウ' or 'う' => (char)(previous + 0x4E), // ヴ, ゔ
        Voiced when VoicedBases.Contains(previous, StringComparison.Ordinal) => (char)(previous + 1),
        SemiVoiced when SemiVoicedBases.Contains(previous, StringComparison.Ordinal) => (char)(previous + 2),
        _ => '\0',
    };
}

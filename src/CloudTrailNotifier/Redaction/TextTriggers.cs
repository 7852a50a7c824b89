using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace CloudTrailNotifier.Redaction;

/// <summary>
/// The words every text rule needs one of: text that holds none of them is passed by one search, in the text rules
/// and in the first look of the JSON walk.
/// </summary>
internal static class TextTriggers
{
    /// <summary>A JSON <c>\u</c> escape: a key written with one (<c>pass\u0077ord</c>) may hide every other trigger word.</summary>
    private const string EscapeStart = "\\u";

    /// <summary>The same in upper case, which the trigger search has always matched too (it ignores case).</summary>
    private const string UpperEscapeStart = "\\U";

    /// <summary>The words of <see cref="Words"/> (declared first: the fields below are made from them in order).</summary>
    private static readonly string[] WordList = Shortest([
        "pass", "secret", "token", "credential", "private", "material", "auth", "challenge", "cookie", RedactionRules.PemBegin,
        .. RedactionRules.SessionTokenPrefixes, .. RedactionRules.SecretFragments,
    ]);

    /// <summary>The words of <see cref="Shapes"/>.</summary>
    private static readonly string[] ShapeList = Shortest([
        RedactionRules.SecureStringType, TextShapes.JwtStart, TextShapes.Bearer, TextShapes.SchemeSeparator, .. TextKeys.TriggerWords,
        TextEchoes.Marker, TextSql.Identified, .. TextArguments.Commands,
        .. RedactionRules.TextTriggerWords,
    ]);

    /// <summary>The words of <see cref="Languages"/>.</summary>
    private static readonly string[] LanguageList = [.. RedactionRules.AsciiForeignTriggerWords, .. RedactionRules.EncryptionTriggerWords];

    /// <summary>Words of the key rules and tokens: text that holds none of these, nor <see cref="Shapes"/>, cannot match any rule.</summary>
    private static readonly SearchValues<string> Words = SearchValues.Create(WordList, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Shapes and short key words of the text rules, searched apart from <see cref="Words"/>: one multi-word search over
    /// all of them groups its words so coarsely that repetitive text (long runs of one letter) costs several times more.
    /// </summary>
    private static readonly SearchValues<string> Shapes = SearchValues.Create(ShapeList, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Key words of other languages written in ASCII and of encryption settings, searched apart again (more words make
    /// each search slower) and only in text with a sign a key rule needs after its key (<c>: = &gt; %</c>, a tab).
    /// </summary>
    private static readonly SearchValues<string> Languages = SearchValues.Create(LanguageList, StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<char> KeyValueMarks = SearchValues.Create(":=>\t%");

    /// <summary>
    /// The words none of the others is part of (<c>password</c> goes, <c>pass</c> stays): where a longer word starts, a
    /// shorter one in it starts too, within the same string, so the search finds the same strings with fewer words to try.
    /// </summary>
    private static string[] Shortest(string[] words) =>
        words.Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(word => !words.Any(other => other.Length < word.Length && word.Contains(other, StringComparison.OrdinalIgnoreCase)))
            .ToArray();

    /// <summary>Where the first trigger word starts in the text; -1 when there is none.</summary>
    /// <remarks>
    /// The two-character <c>\u</c> is searched for on its own: among the words it would make the multi-word search
    /// match on two-character starts, which common text meets everywhere.
    /// </remarks>
    public static int IndexOf(ReadOnlySpan<char> text)
    {
        var word = text.IndexOfAny(Words);
        var shape = (word < 0 ? text : text[..word]).IndexOfAny(Shapes);
        word = shape >= 0 ? shape : word;
        var before = word < 0 ? text : text[..word];
        var escape = before.IndexOf(EscapeStart, StringComparison.Ordinal);
        var upper = (escape < 0 ? before : before[..escape]).IndexOf(UpperEscapeStart, StringComparison.Ordinal);
        var found = upper >= 0 ? upper : escape >= 0 ? escape : word;
        return found >= 0 ? found : Beyond(text);
    }

    /// <summary>Where a token's prefix or a key word beyond ASCII starts (0: the rules read from the start anyway); -1 when none.</summary>
    private static int Beyond(ReadOnlySpan<char> text) => MayHoldBeyond(text) ? 0 : -1;

    private static bool MayHoldBeyond(ReadOnlySpan<char> text) =>
        TextTokens.MayHold(text) || RedactionRules.MayHoldForeignWord(text)
        || (text.IndexOfAny(KeyValueMarks) >= 0 && text.IndexOfAny(Languages) >= 0);

    /// <summary>
    /// A set of three-character starts: for every word of <see cref="Words"/>, <see cref="Shapes"/> and
    /// <see cref="Languages"/> and every token prefix (<see cref="TextTokens.Prefixes"/>), the low five bits of each of its
    /// first three characters (a bit of the table each). The low five bits of an ASCII letter are the same in either case,
    /// and other characters share them with letters: the set stands for more starts than the words have, never fewer.
    /// Null when one of them is shorter than three characters or starts beyond ASCII, which the set could not stand for.
    /// </summary>
    private static readonly ulong[]? WordHeads = BuildWordHeads();

    /// <summary>Bits a character gives a start in <see cref="WordHeads"/>.</summary>
    private const int HeadCharBits = 5;

    private const uint HeadCharMask = (1 << HeadCharBits) - 1;

    private const uint HeadMask = (1 << (3 * HeadCharBits)) - 1;

    private static ulong[]? BuildWordHeads()
    {
        var heads = new ulong[(HeadMask + 1) / 64];
        foreach (var word in WordList.Concat(ShapeList).Concat(LanguageList).Concat(TextTokens.Prefixes))
        {
            if (word.Length < 3 || !Ascii.IsValid(word.AsSpan(0, 3)))
            {
                return null;
            }

            var head = ((word[0] & HeadCharMask) << (2 * HeadCharBits)) | ((word[1] & HeadCharMask) << HeadCharBits) | (word[2] & HeadCharMask);
            heads[head >> 6] |= 1UL << (int)head;
        }

        return heads;
    }

    /// <summary>
    /// Whether ASCII text (as UTF-8) may hold a word of <see cref="Words"/>, <see cref="Shapes"/> or <see cref="Languages"/>
    /// or a token's prefix: false only when no three bytes of it in a row are the start of one, looked up in a table (a few
    /// instructions a byte, where the multi-word searches and the prefix search cost several times more on a short string).
    /// When false, <see cref="ContainsWord"/> of the text is false (ASCII holds no key word beyond ASCII), and so is
    /// <see cref="TextTokens.MayHoldAscii"/>.
    /// </summary>
    public static bool MayHoldWordAscii(ReadOnlySpan<byte> ascii)
    {
        if (WordHeads is not { } heads)
        {
            return true;
        }

        if (ascii.Length < 3)
        {
            return false;
        }

        ref var bytes = ref MemoryMarshal.GetReference(ascii);
        ref var table = ref MemoryMarshal.GetArrayDataReference(heads);
        var window = ((bytes & HeadCharMask) << HeadCharBits) | (Unsafe.Add(ref bytes, 1) & HeadCharMask);
        for (var i = 2; i < ascii.Length; i++)
        {
            window = ((window << HeadCharBits) | (Unsafe.Add(ref bytes, i) & HeadCharMask)) & HeadMask;
            if ((Unsafe.Add(ref table, (int)(window >> 6)) & (1UL << (int)window)) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether text that holds no backslash (an unescaped JSON string) holds a trigger word: <see cref="IndexOf"/> without
    /// the escape searches, which cannot find anything in such text.
    /// </summary>
    public static bool ContainsWord(ReadOnlySpan<char> text) =>
        text.IndexOfAny(Words) >= 0 || text.IndexOfAny(Shapes) >= 0 || MayHoldBeyond(text);
}

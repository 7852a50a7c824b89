using System.Buffers;

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

    /// <summary>Words of the key rules and tokens: text that holds none of these, nor <see cref="Shapes"/>, cannot match any rule.</summary>
    private static readonly SearchValues<string> Words = SearchValues.Create(
        Shortest([
            "pass", "secret", "token", "credential", "private", "material", "auth", "challenge", "cookie", RedactionRules.PemBegin,
            .. RedactionRules.SessionTokenPrefixes, .. RedactionRules.SecretFragments,
        ]),
        StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Shapes and short key words of the text rules, searched apart from <see cref="Words"/>: one multi-word search over
    /// all of them groups its words so coarsely that repetitive text (long runs of one letter) costs several times more.
    /// </summary>
    private static readonly SearchValues<string> Shapes = SearchValues.Create(
        Shortest([
            RedactionRules.SecureStringType, TextShapes.JwtStart, TextShapes.Bearer, TextShapes.SchemeSeparator, .. TextKeys.TriggerWords,
            TextEchoes.Marker, TextSql.Identified, .. TextArguments.Commands,
            .. RedactionRules.TextTriggerWords,
        ]),
        StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Key words of other languages written in ASCII and of encryption settings, searched apart again (more words make
    /// each search slower) and only in text with a sign a key rule needs after its key (<c>: = &gt; %</c>, a tab).
    /// </summary>
    private static readonly SearchValues<string> Languages = SearchValues.Create(
        [.. RedactionRules.AsciiForeignTriggerWords, .. RedactionRules.EncryptionTriggerWords], StringComparison.OrdinalIgnoreCase);

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
    /// Whether text that holds no backslash (an unescaped JSON string) holds a trigger word: <see cref="IndexOf"/> without
    /// the escape searches, which cannot find anything in such text.
    /// </summary>
    public static bool ContainsWord(ReadOnlySpan<char> text) =>
        text.IndexOfAny(Words) >= 0 || text.IndexOfAny(Shapes) >= 0 || MayHoldBeyond(text);
}

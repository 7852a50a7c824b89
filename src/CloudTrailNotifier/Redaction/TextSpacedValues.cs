namespace CloudTrailNotifier.Redaction;

/// <summary>
/// A secret key and its value with only spaces between them, in free text (an error message, a user agent):
/// <c>apikey Hunter2</c>, <c>password P@ssw0rd</c>. Prose writes the same words before words of its own
/// (<c>password policy</c>, <c>token expired</c>, <c>Secret Key</c>), so the word after the key is a value only when it
/// looks like one: at least <see cref="MinValueChars"/> characters that mix letters with digits or signs, digits alone,
/// or letters in cases words are not written in (<see cref="TokenBodies.LooksRandom"/>). An ARN, a URL, a path and an
/// access key id are identifiers and stay. Pure.
/// </summary>
internal static class TextSpacedValues
{
    /// <summary>The shortest value looked at: shorter words after a key (<c>v2</c>, <c>1234</c>) are labels and counts.</summary>
    public const int MinValueChars = 6;

    /// <summary>How many spaces may stand between the key and its value.</summary>
    private const int MaxSpaces = 3;

    /// <summary>Signs that make a word of letters or digits a value (<c>P@ssword</c>); not those of prose or names.</summary>
    private const string ValueSigns = "!@#$%^&*+=~|?";

    /// <summary>Signs that end a sentence or a clause right after a value.</summary>
    private const string TrailingSigns = ".,:;!?";

    /// <summary>Whether text may hold such a pair (the second cheap look): it needs a space.</summary>
    public static bool MayMatch(ReadOnlySpan<char> text) => text.Contains(' ');

    /// <summary>
    /// The value-looking word after the spaces at <paramref name="keyEnd"/>, if there is one. Not after a command-line
    /// flag (<c>--password-stdin host</c>: <see cref="TextArguments"/> judges flags), nor a word a shape rule reads
    /// itself (a JSON Web Token, a session token, an issuer's token, whose prefix stays).
    /// </summary>
    public static bool Match(string text, int keyStart, int keyEnd, out int start, out int end)
    {
        start = end = 0;
        if (keyStart > 0 && text[keyStart - 1] == '-')
        {
            return false;
        }

        var p = keyEnd;
        while (p < text.Length && p - keyEnd < MaxSpaces && text[p] == ' ')
        {
            p++;
        }

        if (p == keyEnd || p >= text.Length || text[p] == ' '
            || TextShapes.MatchJwt(text, p, out _) || TextShapes.MatchSessionToken(text, p, out _) || TextTokens.Match(text, p, out _, out _))
        {
            return false;
        }

        var e = p;
        while (e < text.Length && !TextScan.IsValueEnd(text, e))
        {
            e++;
        }

        while (e > p && TrailingSigns.Contains(text[e - 1], StringComparison.Ordinal))
        {
            e--;
        }

        if (!LooksLikeValue(text.AsSpan(p, e - p)))
        {
            return false;
        }

        start = p;
        end = e;
        return true;
    }

    /// <summary>Whether a word after a key looks like a value rather than a word of prose or an identifier.</summary>
    public static bool LooksLikeValue(ReadOnlySpan<char> word)
    {
        if (word.Length < MinValueChars || IsIdentifier(word))
        {
            return false;
        }

        var letters = 0;
        var digits = 0;
        var signs = 0;
        foreach (var c in word)
        {
            letters += char.IsLetter(c) ? 1 : 0;
            digits += char.IsAsciiDigit(c) ? 1 : 0;
            signs += ValueSigns.Contains(c, StringComparison.Ordinal) ? 1 : 0;
        }

        return (letters > 0 && digits > 0) || digits == word.Length || (signs > 0 && letters + digits > 0)
            || TokenBodies.LooksRandom(word);
    }

    /// <summary>An ARN, a URL, a path or an access key id: what a responder needs, never a secret's value.</summary>
    private static bool IsIdentifier(ReadOnlySpan<char> word) =>
        word.StartsWith("arn:", StringComparison.OrdinalIgnoreCase) || word.Contains("://", StringComparison.Ordinal)
        || word[0] is '/' or '~' || word.StartsWith("./", StringComparison.Ordinal)
        || (word.Length == 20 && (word.StartsWith("AKIA", StringComparison.Ordinal) || word.StartsWith("ASIA", StringComparison.Ordinal))
            && !word.ContainsAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"));
}

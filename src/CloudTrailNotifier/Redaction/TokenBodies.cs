namespace CloudTrailNotifier.Redaction;

/// <summary>
/// Whether what follows a token's prefix looks random, as every issued token does, rather than a name made of words
/// (<c>github_pat_organization_automation</c>, <c>glpat-ci-runner-registration</c>, <c>sk-proj-analytics-pipeline-prod</c>,
/// <c>PaymentsMaster01</c>). Pure.
/// </summary>
/// <remarks>
/// The body is cut into parts at <c>- _ .</c>; it is random when one part of at least <see cref="MinRandomPart"/>
/// characters is not word-like. A part is word-like when, past digits at either end (<c>bucket2024</c>, <c>01</c>), it
/// holds no digit and is written as words are: all capitals, or each capital followed by two small letters
/// (<c>prod</c>, <c>PaymentsMaster</c>, <c>PROD</c>). A random run of 20 base62 characters passes for one about once in
/// ten thousand; the issuers' tokens are longer and mostly hold digits inside.
/// </remarks>
internal static class TokenBodies
{
    /// <summary>The shortest part that can make a body random: shorter ones (<c>v2</c>, <c>api03</c>) are labels.</summary>
    public const int MinRandomPart = 8;

    public static bool LooksRandom(ReadOnlySpan<char> body)
    {
        while (!body.IsEmpty)
        {
            var cut = body.IndexOfAny('-', '_', '.');
            var part = cut < 0 ? body : body[..cut];
            if (part.Length >= MinRandomPart && !IsWordLike(part))
            {
                return true;
            }

            body = cut < 0 ? [] : body[(cut + 1)..];
        }

        return false;
    }

    private static bool IsWordLike(ReadOnlySpan<char> part)
    {
        var core = part.Trim("0123456789");
        if (core.IsEmpty)
        {
            return true; // a number
        }

        var lower = false;
        for (var k = 0; k < core.Length; k++)
        {
            if (char.IsAsciiDigit(core[k]))
            {
                return false; // a digit among letters
            }

            lower |= char.IsAsciiLetterLower(core[k]);
        }

        if (!lower)
        {
            return true; // all capitals
        }

        for (var k = 0; k < core.Length; k++)
        {
            if (char.IsAsciiLetterUpper(core[k])
                && !(k + 2 < core.Length && char.IsAsciiLetterLower(core[k + 1]) && char.IsAsciiLetterLower(core[k + 2])))
            {
                return false; // AbCd, XYz: not how words are written
            }
        }

        return true;
    }
}

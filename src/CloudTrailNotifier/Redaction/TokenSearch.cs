namespace CloudTrailNotifier.Redaction;

/// <summary>
/// What <see cref="TextRedactor"/> keeps of its search for tokens while it reads one text from start to end, so each
/// part of the text is searched once. Fields, so that <see cref="TextTokens.NextPrefix"/> can move them by reference.
/// </summary>
internal struct TokenSearch
{
    /// <summary>Where the next token prefix starts; looked for again once passed (-1 at first).</summary>
    public int At;

    /// <summary>Where the next <c>AIza</c> starts, or the text's length; looked for again once passed (-1 at first).</summary>
    public int GoogleAt;

    /// <summary>The end of the word the key rules last read whole and found no key in: before it only tokens are looked for.</summary>
    public int WordEnd;

    public TokenSearch()
    {
        At = -1;
        GoogleAt = -1;
    }

    /// <summary>
    /// Whether a token starts at <paramref name="i"/>: its hidden body's span. When a prefix there is no token
    /// (<c>ghp_abc-ghp_...</c>), the search moves on to the next prefix, in the same word too.
    /// </summary>
    public bool MatchAt(string text, int i, out int start, out int end)
    {
        start = end = 0;
        At = At < i ? TextTokens.NextPrefix(text, i, ref GoogleAt) : At;
        if (At != i)
        {
            return false;
        }

        if (TextTokens.MayStartAt(text, i) && TextTokens.Match(text, i, out start, out end))
        {
            return true;
        }

        At = i + 1 < text.Length ? TextTokens.NextPrefix(text, i + 1, ref GoogleAt) : text.Length;
        return false;
    }
}

namespace CloudTrailNotifier.Events;

/// <summary>Where text may be cut without splitting a surrogate pair: the one rule every shortening follows.</summary>
internal static class TextCut
{
    /// <summary>
    /// <paramref name="cut"/>, or one less when the cut would fall between the halves of a surrogate pair
    /// (the character before it is a high surrogate and more text follows).
    /// </summary>
    public static int Before(ReadOnlySpan<char> text, int cut) =>
        cut > 0 && cut < text.Length && char.IsHighSurrogate(text[cut - 1]) ? cut - 1 : cut;
}

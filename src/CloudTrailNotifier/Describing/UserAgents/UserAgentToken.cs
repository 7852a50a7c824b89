namespace CloudTrailNotifier.Describing.UserAgents;

/// <summary>
/// One piece of a user agent: a product token <c>name/value</c> (value empty when there is no slash), or a
/// parenthesised comment, whose text is in <see cref="Value"/> and whose <see cref="Name"/> is empty.
/// </summary>
internal readonly ref struct UserAgentToken(ReadOnlySpan<char> name, ReadOnlySpan<char> value, bool isComment)
{
    public ReadOnlySpan<char> Name { get; } = name;

    public ReadOnlySpan<char> Value { get; } = value;

    public bool IsComment { get; } = isComment;
}

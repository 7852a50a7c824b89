namespace CloudTrailNotifier.Describing.UserAgents;

/// <summary>
/// Splits a user agent at white space into <see cref="UserAgentToken"/>s without allocating. Comments may
/// contain spaces and nested parentheses; an unclosed one runs to the end.
/// </summary>
internal ref struct UserAgentTokenizer(ReadOnlySpan<char> userAgent)
{
    private ReadOnlySpan<char> _rest = userAgent;

    public UserAgentToken Current { get; private set; }

    public readonly UserAgentTokenizer GetEnumerator() => this;

    public bool MoveNext()
    {
        _rest = _rest.TrimStart();
        if (_rest.IsEmpty)
        {
            return false;
        }

        if (_rest[0] == '(')
        {
            var depth = 0;
            var end = 0;
            for (; end < _rest.Length; end++)
            {
                if (_rest[end] == '(')
                {
                    depth++;
                }
                else if (_rest[end] == ')' && --depth == 0)
                {
                    break;
                }
            }

            Current = new UserAgentToken(default, _rest[1..end], isComment: true);
            _rest = end < _rest.Length ? _rest[(end + 1)..] : default;
            return true;
        }

        var length = 0;
        while (length < _rest.Length && !char.IsWhiteSpace(_rest[length]))
        {
            length++;
        }

        // "EC2ConsoleBackend, aws-sdk-java/..." lists products with commas.
        var token = _rest[..length].TrimEnd(',');
        _rest = _rest[length..];
        var slash = token.IndexOf('/');
        Current = slash < 0
            ? new UserAgentToken(token, default, isComment: false)
            : new UserAgentToken(token[..slash], token[(slash + 1)..], isComment: false);
        return true;
    }
}

namespace CloudTrailNotifier.Describing.UserAgents;

/// <summary>
/// <see cref="UserAgentClassifier.Classify"/> remembered per user agent, for one renderer. Real logs repeat a
/// handful of user agents endlessly (the SDK and CLI versions a team runs, the console, the AWS services acting
/// for it), while classifying one reads it token by token. The answer depends on the text alone, so a remembered
/// one is the same answer.
/// </summary>
/// <remarks>
/// Bounded: at most <see cref="MaxEntries"/> user agents of at most <see cref="MaxKeyLength"/> characters each
/// (about 2 MiB at worst, most often a few KiB). When it is full it starts over, so a stream of distinct user agents
/// (a scanner that randomises them) costs one classification each, as without it, and memory stays bounded.
/// Not thread-safe: one memo serves the one notifier that owns it.
/// </remarks>
internal sealed class UserAgentMemo
{
    /// <summary>The most user agents remembered at once.</summary>
    public const int MaxEntries = 1024;

    /// <summary>Longer user agents are classified every time (they are rare, and each would hold a lot).</summary>
    public const int MaxKeyLength = 1024;

    private readonly Dictionary<string, ClientDescription> _known = new(StringComparer.Ordinal);

    /// <summary>How many user agents are remembered now.</summary>
    public int Count => _known.Count;

    /// <summary>The user agent's <see cref="ClientDescription"/>, classified once while remembered.</summary>
    public ClientDescription Classify(string? userAgent)
    {
        if (userAgent is null || userAgent.Length > MaxKeyLength)
        {
            return UserAgentClassifier.Classify(userAgent);
        }

        if (_known.TryGetValue(userAgent, out var known))
        {
            return known;
        }

        var client = UserAgentClassifier.Classify(userAgent);
        if (_known.Count >= MaxEntries)
        {
            _known.Clear();
        }

        _known.Add(userAgent, client);
        return client;
    }
}

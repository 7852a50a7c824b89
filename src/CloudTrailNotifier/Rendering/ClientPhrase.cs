using CloudTrailNotifier.Describing.UserAgents;

namespace CloudTrailNotifier.Rendering;

/// <summary>The summary's "Client" value: name, version and detail of what made the call, then its kind.</summary>
internal static class ClientPhrase
{
    /// <param name="phrases">How values from the event are made safe in this format.</param>
    public static string Describe(ClientDescription client, string? userAgent, SummaryPhrases phrases)
    {
        var t = phrases.Texts;
        if (client.Kind == ClientKind.Unknown && string.IsNullOrWhiteSpace(userAgent))
        {
            return t.NoUserAgent;
        }

        var name = NonEmpty(phrases.Safe(client.Name));
        var version = NonEmpty(phrases.Safe(client.Version));
        var detail = NonEmpty(phrases.Safe(client.Detail));
        var kind = t.ClientKindLabel(client.Kind);
        if (name is null && version is null && detail is null)
        {
            // Nothing recognised: the user agent itself (shortened) says more than a label.
            return client.Kind == ClientKind.Unknown && userAgent is not null
                ? $"{phrases.Safe(userAgent, 96) ?? string.Empty} ({kind})"
                : kind;
        }

        // "name version, detail (kind)", the parts that are there, in one string.
        return string.Concat(
            name,
            name is not null && version is not null ? " " : null,
            version,
            detail is not null && (name ?? version) is not null ? ", " : null,
            detail,
            " (",
            kind,
            ")");
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

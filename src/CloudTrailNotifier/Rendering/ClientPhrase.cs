using System.Text;
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

        var text = new StringBuilder();
        if (phrases.Safe(client.Name) is { } name)
        {
            text.Append(name);
        }

        if (phrases.Safe(client.Version) is { } version)
        {
            text.Append(text.Length > 0 ? " " : string.Empty).Append(version);
        }

        if (phrases.Safe(client.Detail) is { } detail)
        {
            text.Append(text.Length > 0 ? ", " : string.Empty).Append(detail);
        }

        var kind = t.ClientKindLabel(client.Kind);
        if (text.Length == 0 && client.Kind == ClientKind.Unknown && userAgent is not null)
        {
            // Nothing recognised: the user agent itself (shortened) says more than a label.
            return $"{phrases.Safe(userAgent, 96) ?? string.Empty} ({kind})";
        }

        return text.Length == 0 ? kind : text.Append(" (").Append(kind).Append(')').ToString();
    }
}

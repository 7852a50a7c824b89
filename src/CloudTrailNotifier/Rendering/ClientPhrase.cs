using System.Text;
using CloudTrailNotifier.Describing.UserAgents;
using CloudTrailNotifier.Rendering.Languages;

namespace CloudTrailNotifier.Rendering;

/// <summary>The summary's "Client" value: name, version and detail of what made the call, then its kind.</summary>
internal static class ClientPhrase
{
    private const int MaxPiece = 256;

    public static string Describe(ClientDescription client, string? userAgent, Texts t)
    {
        if (client.Kind == ClientKind.Unknown && string.IsNullOrWhiteSpace(userAgent))
        {
            return t.NoUserAgent;
        }

        var text = new StringBuilder();
        if (Safe(client.Name) is { } name)
        {
            text.Append(name);
        }

        if (Safe(client.Version) is { } version)
        {
            text.Append(text.Length > 0 ? " " : string.Empty).Append(version);
        }

        if (Safe(client.Detail) is { } detail)
        {
            text.Append(text.Length > 0 ? ", " : string.Empty).Append(detail);
        }

        var kind = t.ClientKindLabel(client.Kind);
        if (text.Length == 0 && client.Kind == ClientKind.Unknown && userAgent is not null)
        {
            // Nothing recognised: the user agent itself (shortened) says more than a label.
            return $"{SafeText.Clean(userAgent, 96)} ({kind})";
        }

        return text.Length == 0 ? kind : text.Append(" (").Append(kind).Append(')').ToString();
    }

    private static string? Safe(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : SafeText.Clean(value, MaxPiece);
}

using System.Security.Cryptography;
using System.Text;

namespace CloudTrailNotifier.Rendering.Chat;

/// <summary>
/// A card's thread: a digest of the account, the principal and the resource as noise control groups them
/// (<see cref="Folding.FoldEventReader.Identity(System.Text.Json.JsonElement)"/>), so an event, its repeats and their digest share a thread,
/// and another actor or resource starts its own.
/// </summary>
internal static class ChatThread
{
    public static string Id(string account, string principal, string resource)
    {
        var text = new StringBuilder();
        foreach (var part in (ReadOnlySpan<string>)[account, principal, resource])
        {
            // Length-prefixed, so no two triples share a text.
            text.Append(part.Length).Append(':').Append(part).Append('|');
        }

        return "ctn-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace CloudTrailNotifier.Tests.Support;

/// <summary>
/// An output as a reader sees it: the strings of a JSON output (the publish request, the chat card, and JSON inside
/// their strings) with JSON's own escapes undone, so that a raw character cannot hide behind <c>\uFFFF</c>; other text as it is.
/// </summary>
internal static class OutputStrings
{
    public static string Decoded(string output)
    {
        if (!output.StartsWith('{'))
        {
            return output;
        }

        try
        {
            return string.Join("\n", Strings(JsonNode.Parse(output)!));
        }
        catch (JsonException)
        {
            return output;
        }
    }

    private static IEnumerable<string> Strings(JsonNode node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => p.Value is null ? [] : Strings(p.Value)),
        JsonArray array => array.SelectMany(n => n is null ? [] : Strings(n)),
        JsonValue value when value.TryGetValue<string>(out var text) => [Decoded(text)],
        _ => [],
    };
}

using System.Text.Json;

namespace CloudTrailNotifier.Tests.Support;

/// <summary>The events tests render: the shared corpus (one JSON object per line) and events/.</summary>
internal static class Corpus
{
    private static readonly Lazy<IReadOnlyList<CorpusEvent>> Envelopes = new(LoadEnvelopes);

    public static IReadOnlyList<CorpusEvent> All => Envelopes.Value;

    public static IReadOnlyList<string> SampleEventFiles() =>
        Directory.GetFiles(TestPaths.EventsDirectory, "*.json")
            .Where(path => File.ReadAllText(path).Contains("\"detail-type\"", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The string value of <c>detail.&lt;name&gt;</c> in every envelope that has one as a string.</summary>
    public static IReadOnlyList<(string Source, string Value)> DetailStrings(string name)
    {
        var values = new List<(string, string)>();
        foreach (var corpusEvent in All)
        {
            using var document = JsonDocument.Parse(corpusEvent.Json);
            if (document.RootElement.TryGetProperty("detail", out var detail)
                && detail.ValueKind == JsonValueKind.Object
                && detail.TryGetProperty(name, out var value)
                && value.ValueKind == JsonValueKind.String)
            {
                values.Add((corpusEvent.Name, value.GetString()!));
            }
        }

        return values;
    }

    /// <summary>Every distinct string value and member name in the corpus, decoded.</summary>
    public static HashSet<string> StringsAndKeys()
    {
        var strings = new HashSet<string>(StringComparer.Ordinal);
        foreach (var corpusEvent in All)
        {
            using var document = JsonDocument.Parse(corpusEvent.Json);
            Collect(document.RootElement, strings);
        }

        return strings;
    }

    private static void Collect(JsonElement element, HashSet<string> strings)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    strings.Add(property.Name);
                    Collect(property.Value, strings);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, strings);
                }

                break;
            case JsonValueKind.String:
                strings.Add(element.GetString()!);
                break;
        }
    }

    private static List<CorpusEvent> LoadEnvelopes()
    {
        var events = new List<CorpusEvent>();
        foreach (var file in Directory.GetFiles(TestPaths.CorpusDirectory, "*.jsonl").Order(StringComparer.Ordinal))
        {
            var lineNumber = 0;
            foreach (var line in File.ReadLines(file))
            {
                lineNumber++;
                if (!string.IsNullOrWhiteSpace(line))
                {
                    events.Add(new CorpusEvent($"{Path.GetFileName(file)}:{lineNumber}", line));
                }
            }
        }

        return events;
    }
}

internal sealed record CorpusEvent(string Name, string Json)
{
    public override string ToString() => Name;
}

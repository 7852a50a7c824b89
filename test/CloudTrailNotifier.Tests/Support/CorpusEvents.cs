using System.Text.Json;

namespace CloudTrailNotifier.Tests.Support;

/// <summary>Reads the shared corpus: every envelope of every <c>*.jsonl</c> file in <see cref="TestPaths.CorpusDirectory"/>.</summary>
internal static class CorpusEvents
{
    /// <summary>Each envelope with the file and line it came from.</summary>
    public static IEnumerable<(string Source, JsonElement Envelope)> All()
    {
        var files = Directory.GetFiles(TestPaths.CorpusDirectory, "*.jsonl");
        Array.Sort(files, StringComparer.Ordinal);
        foreach (var file in files)
        {
            var lineNumber = 0;
            foreach (var line in File.ReadLines(file))
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                using var document = JsonDocument.Parse(line);
                yield return ($"{Path.GetFileName(file)}:{lineNumber}", document.RootElement.Clone());
            }
        }
    }

    /// <summary>The string value of <c>detail.&lt;name&gt;</c> in every envelope that has one as a string.</summary>
    public static IReadOnlyList<(string Source, string Value)> DetailStrings(string name)
    {
        var values = new List<(string, string)>();
        foreach (var (source, envelope) in All())
        {
            if (envelope.TryGetProperty("detail", out var detail)
                && detail.ValueKind == JsonValueKind.Object
                && detail.TryGetProperty(name, out var value)
                && value.ValueKind == JsonValueKind.String)
            {
                values.Add((source, value.GetString()!));
            }
        }

        return values;
    }
}

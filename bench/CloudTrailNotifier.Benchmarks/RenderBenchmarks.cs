using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using CloudTrailNotifier.Input;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;

namespace CloudTrailNotifier.Benchmarks;

/// <summary>
/// Parse plus render, from UTF-8 bytes to a finished notification, as the Lambda function does it:
/// the seed event (typical) and the same event carrying 300 KB of request parameters.
/// Target: at least 50,000 typical events per second per core (20 µs) and at most 32 KB allocated each.
/// </summary>
[MemoryDiagnoser]
public class RenderBenchmarks
{
    private readonly Notifier _english = new(new RenderOptions(NotificationLanguage.English, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")));
    private readonly Notifier _japanese = new(new RenderOptions(NotificationLanguage.Japanese, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")));
    private byte[] _typical = [];
    private byte[] _large = [];

    [GlobalSetup]
    public void Setup()
    {
        var path = FindSeedEvent();
        _typical = File.ReadAllBytes(path);

        var envelope = JsonNode.Parse(_typical)!.AsObject();
        var parameters = new JsonObject { ["secretId"] = "prod/db" };
        for (var i = 0; i < 300; i++)
        {
            parameters[$"parameter{i}"] = new string((char)('a' + (i % 26)), 1000);
        }

        envelope["detail"]!["requestParameters"] = parameters;
        _large = Encoding.UTF8.GetBytes(envelope.ToJsonString());
    }

    [Benchmark(Baseline = true)]
    public int TypicalEnglish() => _english.Notify(_typical).Message.Length;

    [Benchmark]
    public int TypicalJapanese() => _japanese.Notify(_typical).Message.Length;

    /// <summary>The floor under the two above: parsing the typical event's UTF-8 into the document every stage reads, and nothing else.</summary>
    [Benchmark]
    public int ParseOnlyTypical()
    {
        using var document = JsonDocument.Parse(_typical, InputReader.Options);
        return document.RootElement.GetPropertyCount();
    }

    [Benchmark]
    public int Large300KB() => _english.Notify(_large).Message.Length;

    internal static string FindSeedEvent()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "events", "secretsmanager-get-secret-value.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("events/secretsmanager-get-secret-value.json not found above " + AppContext.BaseDirectory);
    }
}

using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Rendering;

/// <summary>Every sample event in events/, rendered as a recipient sees it, in English and Japanese.</summary>
public sealed class GoldenTests
{
    public static TheoryData<string, string> SampleEvents()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Corpus.SampleEventFiles())
        {
            data.Add(Path.GetFileNameWithoutExtension(file), "en");
            data.Add(Path.GetFileNameWithoutExtension(file), "ja");
        }

        return data;
    }

    /// <summary>The decoy the sample <c>secretsmanager-get-secret-value-decoy.json</c> reads; no other sample names it.</summary>
    private const string Decoy = "honeypot/db-admin";

    [Theory]
    [MemberData(nameof(SampleEvents))]
    public void Sample_event_renders_as_approved(string name, string language)
    {
        var path = Path.Combine(TestPaths.EventsDirectory, name + ".json");
        // Every sample is rendered as the sample stack's function would: its resources are watched for tampering.
        var text = CliRunner.Run("render", path, "--language", language, "--time-zone", "Asia/Tokyo",
            "--tamper-watch-resources", SampleStack.WatchListWithFunction, "--decoy-secrets", Decoy);
        var json = CliRunner.Run("render", path, "--language", language, "--time-zone", "Asia/Tokyo",
            "--tamper-watch-resources", SampleStack.WatchListWithFunction, "--decoy-secrets", Decoy, "--output", "json");

        Assert.Equal(0, text.ExitCode);
        Assert.Equal(0, json.ExitCode);
        Assert.Equal(string.Empty, text.Stderr);
        Golden.Verify($"{name}.{language}", text.Stdout + "\n----- publish request (--output json) -----\n" + json.Stdout);
    }

    [Fact]
    public void Every_approved_file_belongs_to_a_sample_event()
    {
        var events = Corpus.SampleEventFiles().Select(Path.GetFileNameWithoutExtension).ToHashSet();
        var orphans = Directory.GetFiles(Golden.Directory, "*.approved.txt")
            .Select(Path.GetFileName)
            .Where(file => !events.Contains(file!.Split('.')[0]))
            .ToList();

        Assert.Empty(orphans);
    }

    [Fact]
    public void There_are_at_least_eleven_sample_events_including_the_seed()
    {
        var names = Corpus.SampleEventFiles().Select(Path.GetFileName).ToList();

        Assert.Contains("secretsmanager-get-secret-value.json", names);
        Assert.True(names.Count >= 11, $"only {names.Count} sample events");
    }
}

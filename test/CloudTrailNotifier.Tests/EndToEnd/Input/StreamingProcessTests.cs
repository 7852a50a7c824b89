using System.Globalization;
using System.IO.Compression;
using System.Text;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.EndToEnd.Input;

/// <summary>
/// The shipped executable on inputs far larger than memory should hold: its peak resident set (as /usr/bin/time
/// reports it) stays bounded whatever the input size.
/// </summary>
[Collection(AotCollection.Name)]
public sealed class StreamingProcessTests(PublishedExecutable published) : IDisposable
{
    private const long MaxPeakRssKiB = 64 * 1024;

    private readonly string _folder = Directory.CreateTempSubdirectory("ctn-stream-").FullName;

    [Fact]
    public async Task A_gzip_expanding_to_gigabytes_renders_in_bounded_memory()
    {
        // A CloudTrail log file whose two records sit 2 GiB of white space apart, as gzip members (one member,
        // compressed once, repeated): 2 MB on disk.
        var spaces = new byte[64 * 1024 * 1024];
        Array.Fill(spaces, (byte)' ');
        var member = Gzip(spaces);
        var record = Encoding.UTF8.GetString(RepositoryFiles.SampleEvent).ReplaceLineEndings(" ");
        var path = Path.Combine(_folder, "bomb.json.gz");
        await using (var file = File.Create(path))
        {
            file.Write(Gzip(Encoding.UTF8.GetBytes($$"""{"Records": [{{record}},""")));
            for (var i = 0; i < 32; i++)
            {
                file.Write(member);
            }

            file.Write(Gzip(Encoding.UTF8.GetBytes($$"""{{record}}]}""")));
        }

        var (result, peakKiB) = await RunMeasured($"render --output json - < '{path}' | wc -l");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("2", result.StandardOutput.Trim());
        Assert.True(peakKiB <= MaxPeakRssKiB, $"peak RSS {peakKiB} KiB");
    }

    [Fact]
    public async Task Large_json_lines_render_in_bounded_memory_with_a_damaged_line_reported()
    {
        var corpus = Corpus.All.Select(e => e.Json).ToList();
        var path = Path.Combine(_folder, "events.jsonl");
        var lines = 0;
        await using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            for (var copy = 0; copy < 20; copy++)
            {
                foreach (var json in corpus)
                {
                    await writer.WriteAsync(json + "\n");
                    lines++;
                }

                if (copy == 10)
                {
                    await writer.WriteAsync("{\"damaged\": \n");
                    lines++;
                }
            }
        }

        var (result, peakKiB) = await RunMeasured($"render --output json '{path}' | wc -l");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal((lines - 1).ToString(CultureInfo.InvariantCulture), result.StandardOutput.Trim());
        Assert.Equal($"error: {path} line {(corpus.Count * 11) + 1}: not valid JSON at byte 13", result.StandardError.Trim());
        Assert.True(peakKiB <= MaxPeakRssKiB, $"peak RSS {peakKiB} KiB");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<(ProcessResult Result, long PeakKiB)> RunMeasured(string commandLine)
    {
        Assert.True(published.Publish.ExitCode == 0, published.Publish.ToString());
        var timing = Path.Combine(_folder, "time");
        var script = $"set -o pipefail; /usr/bin/time -f %M -o '{timing}' '{published.ExecutablePath}' {commandLine}";
        var result = await ProcessRunner.RunAsync("bash", ["-c", script], new Dictionary<string, string>(), timeout: TimeSpan.FromMinutes(2));
        var peak = long.Parse(File.ReadAllLines(timing).Last(l => l.Length > 0), CultureInfo.InvariantCulture);
        return (result, peak);
    }

    private static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return buffer.ToArray();
    }
}

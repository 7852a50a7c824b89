using System.IO.Compression;
using System.Text;
using System.Text.Json;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Cli;

/// <summary>Damaged input loses only itself: one error line per damaged part, the rest rendered, exit status 2.</summary>
public sealed class RenderDamagedInputTests
{
    private static readonly string Seed = File.ReadAllText(TestEvents.SeedPath).ReplaceLineEndings(" ");

    [Fact]
    public void A_damaged_json_line_is_named_by_line_and_the_others_render_in_order()
    {
        var input = Seed + "\n{\"detail\": oops}\n" + Seed.Replace("GetSecretValue", "DescribeSecret", StringComparison.Ordinal) + "\n";

        var result = CliRunner.RunWithInput(input, "render", "-", "--output", "json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: standard input line 2: not valid JSON at byte 12\n", result.Stderr);
        var subjects = result.Stdout.TrimEnd('\n').Split('\n')
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("Subject").GetString()!)
            .ToList();
        Assert.Equal(2, subjects.Count);
        Assert.Contains("GetSecretValue", subjects[0], StringComparison.Ordinal);
        Assert.Contains("DescribeSecret", subjects[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_record_is_named_by_index_and_the_others_render()
    {
        var record = JsonDocument.Parse(Seed).RootElement.GetProperty("detail").GetRawText();
        var input = $"{{\"Records\": [{record}, {{\"eventName\": \"x\" \"y\"}}, {record}]}}";

        var result = CliRunner.RunWithInput(input, "render", "-");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: standard input record 2: not valid JSON at line 1, byte ", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains("===== event 1 =====", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("===== event 2 =====", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("===== event 3", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Damaged_gzip_is_one_line_and_nothing_readable_exits_2()
    {
        var result = CliRunner.Run(["render", "-"], [0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7], environment: null);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Equal("error: standard input: the gzip data is damaged and cannot be decompressed\n", result.Stderr);
    }

    [Fact]
    public void A_gzip_json_lines_file_renders_every_line()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(Seed + "\n" + Seed + "\n" + Seed + "\n"));
        }

        var result = CliRunner.Run(["render", "-", "--output", "json"], buffer.ToArray(), environment: null);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(3, result.Stdout.TrimEnd('\n').Split('\n').Length);
        Assert.Equal(string.Empty, result.Stderr);
    }
}

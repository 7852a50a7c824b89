using System.Text.Json;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.EndToEnd.Cli;

/// <summary>
/// NOTIFICATION_TIME_ZONE and --time-zone are looked up at run time in the system's tz database
/// (/usr/share/zoneinfo, or $TZDIR), which provided.al2023 ships since Amazon Linux 2023.3: nothing is embedded,
/// so a zone the database lacks fails at start with one clear line. Each run is a child process, because .NET
/// caches the zones it has read.
/// </summary>
public sealed class TimeZoneDatabaseTests : IDisposable
{
    private readonly string _zoneInfo = Directory.CreateTempSubdirectory("ctn-zoneinfo-").FullName;

    [Fact]
    public async Task Zones_come_from_the_directory_TZDIR_names_not_from_an_embedded_copy()
    {
        // A zone name no real database has, copied from Asia/Tokyo's TZif file: only a run-time lookup finds it.
        Directory.CreateDirectory(Path.Combine(_zoneInfo, "Test"));
        File.Copy("/usr/share/zoneinfo/Asia/Tokyo", Path.Combine(_zoneInfo, "Test", "Tokyo_Copy"));

        var result = await ProcessRunner.RunNotifierAsync(
            ["render", RepositoryFiles.SampleEventPath, "--time-zone", "Test/Tokyo_Copy"],
            new Dictionary<string, string> { ["TZDIR"] = _zoneInfo });

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("(17:29:48 Test/Tokyo_Copy, UTC+09:00)", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_TZDIR_the_system_database_at_usr_share_zoneinfo_is_read()
    {
        Assert.True(File.Exists("/usr/share/zoneinfo/Asia/Tokyo"), "this machine has no tzdata, unlike provided.al2023");

        var result = await ProcessRunner.RunNotifierAsync(
            ["render", RepositoryFiles.SampleEventPath, "--time-zone", "Asia/Tokyo"], new Dictionary<string, string>());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("(17:29:48 Asia/Tokyo, UTC+09:00)", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zone_the_database_lacks_is_one_line_on_the_command_line()
    {
        var result = await ProcessRunner.RunNotifierAsync(
            ["render", RepositoryFiles.SampleEventPath, "--time-zone", "Asia/Tokyo"],
            new Dictionary<string, string> { ["TZDIR"] = _zoneInfo });

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.StandardOutput);
        Assert.Equal("error: --time-zone: unknown time zone 'Asia/Tokyo'; use an IANA name such as Asia/Tokyo", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task A_zone_the_database_lacks_fails_the_function_at_init_naming_the_variable()
    {
        await using var api = new FakeRuntimeApi();
        var run = ProcessRunner.RunFunctionAsync(new Dictionary<string, string>
        {
            ["AWS_LAMBDA_RUNTIME_API"] = api.Address,
            ["TZDIR"] = _zoneInfo,
            ["NOTIFICATION_TIME_ZONE"] = "Asia/Tokyo",
            ["DRY_RUN"] = "true",
        });

        var report = await api.NextReportAsync();
        var result = await run;

        Assert.Equal(RuntimeReportKind.InitError, report.Kind);
        Assert.Equal("Runtime.ConfigurationError", report.ErrorTypeHeader);
        var body = JsonDocument.Parse(report.Body).RootElement;
        Assert.Equal(
            "NOTIFICATION_TIME_ZONE: unknown time zone 'Asia/Tokyo'; use an IANA name such as Asia/Tokyo",
            body.GetProperty("errorMessage").GetString());
        Assert.Equal(1, result.ExitCode);
    }

    public void Dispose() => Directory.Delete(_zoneInfo, recursive: true);
}

using System.Text.Json;
using System.Text.RegularExpressions;
using CloudTrailNotifier.Aws;
using CloudTrailNotifier.Cli;
using CloudTrailNotifier.Cli.S3;
using CloudTrailNotifier.LogFiles;
using CloudTrailNotifier.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CloudTrailNotifier.Tests.EndToEnd.Cli;

/// <summary><c>ctn render s3://...</c> and <c>publish s3://...</c> against a moto bucket laid out as CloudTrail writes it.</summary>
/// <remarks>
/// The bucket lives in a moto that checks no signatures (moto 5.2.1 refuses any signed S3 request whose query holds
/// a <c>/</c>); the wrong-secret case uses the shared, signature-checking moto with a listing that holds none.
/// </remarks>
[Collection(MotoCollection.Name)]
public sealed partial class S3InputTests(MotoServer signing, UncheckedMoto plain) : IClassFixture<UncheckedMoto>, IAsyncLifetime, IDisposable
{
    private readonly MotoServer moto = plain.Server;

    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly HttpClient _http = AwsHttp.Create();
    private readonly CloudTrailBucket _bucket = new($"ctn-logs-{Guid.NewGuid():N}"[..30]);

    public Task InitializeAsync() => _bucket.CreateAsync(moto);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void Render_reads_every_log_file_in_key_order_skips_digests_and_other_objects_and_reports_damage_one_line_each()
    {
        var (exit, stdout, stderr) = Run(["render", $"s3://{_bucket.Name}/", "--output", "json"]);

        Assert.True(ExitCodes.BadInput == exit, stderr);
        Assert.True(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length == 3, stderr);
        Assert.True(_bucket.EventIdsInKeyOrder.SequenceEqual(EventIds(stdout)), stderr + string.Join(' ', EventIds(stdout)));
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal($"error: s3://{_bucket.Name}/{_bucket.DamagedGzipKey}: the gzip data is damaged and cannot be decompressed", lines[0]);
        Assert.StartsWith($"error: s3://{_bucket.Name}/{_bucket.DamagedRecordKey} record 1: not valid JSON", lines[1], StringComparison.Ordinal);
        Assert.Equal($"note: s3://{_bucket.Name}/: 7 log files read; skipped 1 digest file and 2 objects that are not CloudTrail logs", lines[2]);
    }

    [Fact]
    public void A_prefix_with_only_good_log_files_renders_them_all_and_exits_0()
    {
        var prefix = $"AWSLogs/{CloudTrailBucket.Account}/CloudTrail/eu-west-1/";

        var (exit, stdout, stderr) = Run(["render", $"s3://{_bucket.Name}/{prefix}"]);

        Assert.True(exit == ExitCodes.Success, stderr);
        Assert.Contains("===== event 2 =====", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("===== event 3 =====", stdout, StringComparison.Ordinal);
        Assert.Equal($"note: s3://{_bucket.Name}/{prefix}: 1 log file read; skipped 0 digest files and 0 objects that are not CloudTrail logs\n", stderr);
    }

    [Fact]
    public void Since_and_until_list_only_the_day_folders_of_the_window_and_the_day_after_and_filter_on_event_time()
    {
        var recording = new RecordingLogStore(Store());
        var (input, stdout, stderr) = Input(recording, since: "2026-11-29", until: "2026-11-29");

        var ids = new WindowedInput(input, Window("2026-11-29", "2026-11-29"), Environment(stdout, stderr)).Events().Select(evt => evt.GetProperty("eventID").GetString()!).ToList();

        var day = new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(_bucket.EventIdsBetween(day, day.AddDays(1)), ids);
        Assert.Contains("ev-us-east-1-29-b2", ids); // delivered at 00:10 with a record of the evening before, which is left out
        var us = $"AWSLogs/{CloudTrailBucket.Account}/CloudTrail/us-east-1/";
        var eu = $"AWSLogs/{CloudTrailBucket.Account}/CloudTrail/eu-west-1/";
        var org = $"AWSLogs/{CloudTrailBucket.Organization}/{CloudTrailBucket.OrgAccount}/CloudTrail/us-east-1/";
        Assert.Equal(
            [
                ("", "/"), ("AWSLogs/", "/"), ($"AWSLogs/{CloudTrailBucket.Account}/", "/"), ($"AWSLogs/{CloudTrailBucket.Account}/CloudTrail/", "/"),
                (eu + "2026/11/29/", null), (eu + "2026/11/30/", null), (us + "2026/11/29/", null), (us + "2026/11/30/", null),
                ($"AWSLogs/{CloudTrailBucket.Organization}/", "/"), ($"AWSLogs/{CloudTrailBucket.Organization}/{CloudTrailBucket.OrgAccount}/", "/"),
                ($"AWSLogs/{CloudTrailBucket.Organization}/{CloudTrailBucket.OrgAccount}/CloudTrail/", "/"),
                (org + "2026/11/29/", null), (org + "2026/11/30/", null),
            ],
            recording.Listed);
        Assert.True(input.HadProblems); // the damaged objects of the 30th were listed and read
        Assert.Equal(ExpectedDayStderr(_bucket), stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(string.Empty, stdout.ToString());
    }

    [Fact]
    public void A_window_longer_than_a_month_finds_the_day_folders_by_listing_years_and_months()
    {
        var recording = new RecordingLogStore(Store());
        var region = $"s3://{_bucket.Name}/AWSLogs/{CloudTrailBucket.Account}/CloudTrail/us-east-1/";
        var uri = Parse(region);
        var s3 = new S3Input(uri, Window("2025-06-01", "2026-11-28T12:00:00Z"), Environment(new StringWriter(), new StringWriter()), () => (recording, new FakeTimeProvider(Now)));

        var ids = new WindowedInput(s3, Window("2025-06-01", "2026-11-28T12:00:00Z"), Environment(new StringWriter(), new StringWriter())).Events().Select(evt => evt.GetProperty("eventID").GetString()!).ToList();

        Assert.Equal(["ev-us-east-1-28-a1", "ev-us-east-1-28-a2"], ids);
        Assert.False(s3.HadProblems);
        var prefix = uri.Prefix;
        Assert.Equal(
            [(prefix, "/"), (prefix + "2026/", "/"), (prefix + "2026/11/", "/"), (prefix + "2026/11/28/", null), (prefix + "2026/11/29/", null)],
            recording.Listed);
    }

    [Fact]
    public void A_missing_bucket_is_one_line_with_the_S3_error_code()
    {
        var (exit, stdout, stderr) = Run(["render", "s3://ctn-no-such-bucket/AWSLogs/"]);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal(string.Empty, stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: S3 NoSuchBucket: ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_secret_is_one_line_that_does_not_show_the_secret()
    {
        const string Secret = "wrong-secret-wJalrXUtnFEMI-K7MDENG";
        var bucket = new CloudTrailBucket($"ctn-signed-{Guid.NewGuid():N}"[..30]);
        await bucket.CreateAsync(signing);
        var aws = new AwsEdges(_http, AwsCredentialsSource.Fixed(signing.AccessKeyId, Secret), new FakeTimeProvider(Now), () => 0);

        var (exit, stdout, stderr) = Run(["render", $"s3://{bucket.Name}/"], aws, new() { ["AWS_ENDPOINT_URL_S3"] = signing.Endpoint.ToString() });

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal(string.Empty, stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: S3 SignatureDoesNotMatch: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s3://", null, "is not an S3 bucket name")]
    [InlineData("s3://bucket with spaces/x", null, "is not an S3 bucket name")]
    [InlineData("s3://ctn-logs/", "http://s3.example.com/", "AWS_ENDPOINT_URL_S3: plain http to 's3.example.com'")]
    [InlineData("s3://ctn-logs/", "not a url", "AWS_ENDPOINT_URL_S3: not an http or https URL")]
    public void An_unusable_s3_argument_or_endpoint_is_one_line_and_exit_2_without_calling_S3(string argument, string? endpoint, string expected)
    {
        var variables = new Dictionary<string, string>();
        if (endpoint is not null)
        {
            variables["AWS_ENDPOINT_URL_S3"] = endpoint;
        }

        var (exit, stdout, stderr) = Run(["render", argument], variables: variables);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains(expected, Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_sends_one_notification_per_event_of_the_window()
    {
        var (topicArn, queueUrl) = await moto.CreateSubscribedTopicAsync("s3-publish");
        var variables = Variables();
        variables["AWS_ENDPOINT_URL_SNS"] = moto.Endpoint.ToString();

        var (exit, stdout, stderr) = Run(
            ["publish", $"s3://{_bucket.Name}/AWSLogs/", "--since", "2026-11-28", "--until", "2026-11-28", "--topic-arn", topicArn], variables: variables);

        Assert.True(exit == ExitCodes.Success, stderr);
        var ids = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, ids.Length); // a1, a2 and b1 (of the 28th, delivered on the 29th)
        var received = new List<JsonElement>();
        while (received.Count < 3 && await moto.ReceiveAsync(queueUrl) is { Count: > 0 } batch)
        {
            received.AddRange(batch);
        }

        Assert.Equal(ids.ToHashSet(), received.Select(m => m.GetProperty("MessageId").GetString()!).ToHashSet());
    }

    public void Dispose() => _http.Dispose();

    /// <summary>What reading the day folders of 2026-11-29 and 2026-11-30 says on standard error.</summary>
    internal static string[] ExpectedDayStderr(CloudTrailBucket bucket) =>
    [
        $"error: s3://{bucket.Name}/{bucket.DamagedGzipKey}: the gzip data is damaged and cannot be decompressed",
        $"error: s3://{bucket.Name}/{bucket.DamagedRecordKey} record 1: not valid JSON at line 1, byte 67",
        $"note: s3://{bucket.Name}/: 6 log files read; skipped 0 digest files and 2 objects that are not CloudTrail logs",
    ];

    internal static IReadOnlyList<string> EventIds(string jsonLines) =>
        jsonLines.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => EventIdLine().Match(JsonDocument.Parse(line).RootElement.GetProperty("Message").GetString()!).Groups[1].Value)
            .ToList();

    [GeneratedRegex(@"Event ID: (\S+)")]
    private static partial Regex EventIdLine();

    private S3LogStore Store() => S3LogStore.Create(_bucket.Name, moto.Credentials, moto.Endpoint, MotoServer.Region);

    private (S3Input Input, StringWriter Stdout, StringWriter Stderr) Input(ILogStore store, string? since, string? until)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var input = new S3Input(Parse($"s3://{_bucket.Name}/"), Window(since, until), Environment(stdout, stderr), () => (store, new FakeTimeProvider(Now)));
        return (input, stdout, stderr);
    }

    private static S3Uri Parse(string text) => S3Uri.TryParse(text, out var uri, out var problem) ? uri! : throw new ArgumentException(problem);

    private static TimeWindow Window(string? since, string? until) =>
        TimeWindow.TryParse(since, until, out var window, out var problem) ? window : throw new ArgumentException(problem);

    private static CliEnvironment Environment(StringWriter stdout, StringWriter stderr) =>
        new(new MemoryStream(), stdout, stderr, _ => null);

    private Dictionary<string, string> Variables() => new() { ["AWS_ENDPOINT_URL_S3"] = moto.Endpoint.ToString() };

    private (int Exit, string Stdout, string Stderr) Run(string[] args, AwsEdges? aws = null, Dictionary<string, string>? variables = null)
    {
        variables ??= Variables();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var environment = new CliEnvironment(new MemoryStream(), stdout, stderr, name => variables.GetValueOrDefault(name));
        var exit = CliApp.Run(args, environment, aws ?? new AwsEdges(_http, moto.Credentials, new FakeTimeProvider(Now), () => 0));
        return (exit, stdout.ToString(), stderr.ToString());
    }
}

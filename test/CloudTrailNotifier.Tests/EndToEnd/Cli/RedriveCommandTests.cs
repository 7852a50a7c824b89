using System.Text;
using CloudTrailNotifier.Aws;
using CloudTrailNotifier.Cli;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.EndToEnd.Cli;

/// <summary><c>ctn redrive</c> against moto's SQS and SNS, with the dead-letter shapes the stack's queue receives.</summary>
[Collection(MotoCollection.Name)]
public sealed class RedriveCommandTests(MotoServer moto) : IDisposable
{
    private readonly HttpClient _http = AwsHttp.Create();

    [Fact]
    public async Task Both_shapes_are_published_as_render_gives_them_deleted_and_the_unreadable_message_stays()
    {
        var dlq = await DeadLetterQueueFixture.CreateAsync(moto, "redrive-both-shapes");
        var (topicArn, subscribed) = await moto.CreateSubscribedTopicAsync("redrive-both-shapes-topic");
        var events = Events();
        var sent = new Dictionary<string, string>(); // SQS MessageId -> event JSON
        for (var i = 0; i < events.Count; i++)
        {
            var id = (i % 3) switch
            {
                0 => await dlq.SendAsync(DeadLetters.FailureRecord(events[i])),
                1 => await dlq.SendAsync(events[i], DeadLetters.RuleAttributes()),
                _ => await dlq.SendAsync(events[i], DeadLetters.LambdaAttributes()),
            };
            sent[id] = events[i];
        }

        var unreadable = await dlq.SendAsync("password=hunter2, not an event");

        var (exit, stdout, stderr) = Run(["redrive", dlq.AwsUrl, "--topic-arn", topicArn, "--wait-seconds", "1"], Environment());

        // Exit 2: everything was published, but a message with no event was left.
        Assert.True(exit == ExitCodes.BadInput, stderr);
        var errorLines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [
                $"error: message {unreadable}: the body is not JSON, so it holds no event; left in the queue",
                $"redrive: {events.Count} published, 1 left, 0 failed",
            ],
            errorLines);
        Assert.DoesNotContain("hunter2", stderr + stdout, StringComparison.Ordinal);

        // One line per published message: its SQS MessageId, then the SNS MessageId.
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')).ToList();
        Assert.Equal(sent.Keys.Order(), lines.Select(l => l[0]).Order());

        // What arrived is what render gives for each event, and under the SNS MessageId printed for it.
        var notifier = new Notifier(new RenderOptions(NotificationLanguage.English, TimeZoneInfo.Utc));
        var arrived = (await DeadLetterQueueFixture.DrainAsync(moto, subscribed))
            .ToDictionary(e => e.GetProperty("MessageId").GetString()!);
        Assert.Equal(events.Count, arrived.Count);
        foreach (var line in lines)
        {
            var expected = notifier.Notify(Encoding.UTF8.GetBytes(sent[line[0]]));
            var envelope = arrived[line[1]];
            Assert.Equal(expected.Message, envelope.GetProperty("Message").GetString());
            Assert.Equal(expected.Subject, envelope.GetProperty("Subject").GetString());
        }

        // Only the unreadable message is left, visible again at once.
        Assert.Equal((1, 0), await dlq.CountAsync());
    }

    [Fact]
    public async Task A_publish_that_fails_leaves_every_message_in_the_queue_and_exits_1()
    {
        var dlq = await DeadLetterQueueFixture.CreateAsync(moto, "redrive-publish-fails");
        var events = Events().Take(4).ToList();
        foreach (var e in events)
        {
            await dlq.SendAsync(DeadLetters.FailureRecord(e));
        }

        var missing = $"arn:aws:sns:{MotoServer.Region}:{MotoServer.AccountId}:redrive-no-such-topic";
        var (exit, stdout, stderr) = Run(["redrive", dlq.AwsUrl, "--topic-arn", missing, "--wait-seconds", "1"], Environment());

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Equal(string.Empty, stdout);
        var errorLines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, errorLines.Length);
        Assert.Matches(@"^error: message [0-9a-f-]+: not published, NotFound: .+; left in the queue$", errorLines[0]);
        Assert.Equal("redrive: 0 published, 0 left, 1 failed; stopped: a publish failed; the messages not yet tried stay in the queue", errorLines[1]);
        Assert.Equal((events.Count, 0), await dlq.CountAsync());
    }

    [Fact]
    public async Task A_dry_run_prints_what_render_prints_with_the_flags_and_deletes_nothing()
    {
        var dlq = await DeadLetterQueueFixture.CreateAsync(moto, "redrive-dry-run");
        var events = Events().Take(5).ToList();
        var sent = new Dictionary<string, (string Event, string Origin)>();
        for (var i = 0; i < events.Count; i++)
        {
            var id = i % 2 == 0
                ? await dlq.SendAsync(DeadLetters.FailureRecord(events[i]))
                : await dlq.SendAsync(events[i], DeadLetters.RuleAttributes("THROTTLING"));
            sent[id] = (events[i], i % 2 == 0 ? "Lambda on-failure record, RetriesExhausted" : "EventBridge rule dead letter, THROTTLING");
        }

        var (exit, stdout, stderr) = Run(
            ["redrive", dlq.Url, "--dry-run", "--language", "ja", "--time-zone", "Asia/Tokyo", "--wait-seconds", "1"],
            Environment(withRegion: true));

        Assert.True(exit == ExitCodes.Success, stderr);
        Assert.Equal($"redrive: 0 published (dry run: {events.Count} rendered, nothing deleted), 0 left, 0 failed\n", stderr);
        var notifier = new Notifier(new RenderOptions(NotificationLanguage.Japanese, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")));
        var blocks = stdout.Split("===== message ", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(events.Count, blocks.Length);
        foreach (var block in blocks)
        {
            var id = block[..block.IndexOf(' ', StringComparison.Ordinal)];
            var (evt, origin) = sent[id];
            var expected = notifier.Notify(Encoding.UTF8.GetBytes(evt));
            var text = $"{id} ({origin}) =====\nSubject: {expected.Subject}\n\n{expected.Message.TrimEnd('\n')}\n";
            Assert.Equal(text, block.TrimEnd('\n') + "\n");
        }

        Assert.Equal((events.Count, 0), await dlq.CountAsync());
    }

    [Fact]
    public async Task A_queue_that_does_not_exist_is_one_line_and_exit_1()
    {
        var (exit, _, stderr) = Run(
            ["redrive", $"https://sqs.{MotoServer.Region}.amazonaws.com/{MotoServer.AccountId}/redrive-no-such-queue", "--dry-run", "--wait-seconds", "1"],
            Environment());

        Assert.Equal(ExitCodes.Failure, exit);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("error: cannot receive from the queue: ", lines[0], StringComparison.Ordinal);
        Assert.Contains("NonExistentQueue", lines[0], StringComparison.OrdinalIgnoreCase);
        Assert.Equal("redrive: 0 published (dry run: 0 rendered, nothing deleted), 0 left, 0 failed; stopped: the queue could not be read", lines[1]);
    }

    [Theory]
    [InlineData(new string[] { "redrive", "QUEUE" }, "--topic-arn is required")]
    [InlineData(new string[] { "redrive", "arn:aws:sqs:us-east-1:123456789012:dlq", "--dry-run" }, "QUEUE_URL: 'arn:aws:sqs:us-east-1:123456789012:dlq' is not an SQS queue URL")]
    [InlineData(new string[] { "redrive", "QUEUE", "--dry-run", "--max-messages", "0" }, "--max-messages: must be at least 1")]
    [InlineData(new string[] { "redrive", "QUEUE", "--dry-run", "--wait-seconds", "21" }, "--wait-seconds: must be from 1 to 20")]
    [InlineData(new string[] { "redrive", "QUEUE", "--dry-run", "--language", "xx" }, "unknown language")]
    [InlineData(new string[] { "redrive" }, "QUEUE_URL")]
    public void Usage_errors_are_one_line_and_exit_2_without_calling_AWS(string[] args, string expected)
    {
        args = args.Select(a => a == "QUEUE" ? "https://sqs.us-east-1.amazonaws.com/123456789012/dlq" : a).ToArray();
        var touched = false;

        var credentials = new AwsCredentialsSource(() =>
        {
            touched = true;
            return moto.Credentials.Get();
        });

        var (exit, stdout, stderr) = Run(args, Environment(), new AwsEdges(_http, credentials, TimeProvider.System, () => 0));

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.False(touched);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains(expected, Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    public void Dispose() => _http.Dispose();

    /// <summary>The sample events of events/ and a slice of the corpus, as JSON text.</summary>
    private static List<string> Events() =>
        Corpus.SampleEventFiles().Select(File.ReadAllText)
            .Concat(Corpus.All.Where((_, i) => i % 50 == 0).Select(e => e.Json))
            .ToList();

    private Dictionary<string, string> Environment(bool withRegion = false)
    {
        var variables = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL_SQS"] = moto.Endpoint.ToString(),
            ["AWS_ENDPOINT_URL_SNS"] = moto.Endpoint.ToString(),
        };
        if (withRegion)
        {
            variables["AWS_REGION"] = MotoServer.Region;
        }

        return variables;
    }

    private (int Exit, string Stdout, string Stderr) Run(string[] args, Dictionary<string, string> variables, AwsEdges? aws = null)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var environment = new CliEnvironment(new MemoryStream(), stdout, stderr, name => variables.GetValueOrDefault(name));
        var exit = CliApp.Run(args, environment, aws ?? new AwsEdges(_http, moto.Credentials, TimeProvider.System, () => 0));
        return (exit, stdout.ToString(), stderr.ToString());
    }
}

using System.Text;
using CloudTrailNotifier.Aws;
using CloudTrailNotifier.Cli;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.EndToEnd.Cli;

[Collection(MotoCollection.Name)]
public sealed class PublishCommandTests(MotoServer moto) : IDisposable
{
    private readonly HttpClient _http = AwsHttp.Create();
    private readonly List<string> _tempFiles = [];

    [Fact]
    public async Task Publish_prints_one_message_id_per_event_and_every_event_arrives()
    {
        var (topicArn, queueUrl) = await moto.CreateSubscribedTopicAsync("cli-two-events");
        var file = WriteTemp(JsonLines(RepositoryFiles.SampleEvent, RepositoryFiles.SampleEvent));

        var (exit, stdout, stderr) = Run(["publish", file, "--topic-arn", topicArn], Environment());

        Assert.True(exit == ExitCodes.Success, stderr);
        Assert.Equal(string.Empty, stderr);
        var ids = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, ids.Length);
        var received = (await moto.ReceiveAsync(queueUrl)).Select(m => m.GetProperty("MessageId").GetString()).ToHashSet();
        Assert.Equal(ids.Select(id => (string?)id).ToHashSet(), received);
    }

    [Fact]
    public async Task Publish_reads_standard_input_and_takes_the_topic_from_TOPIC_ARN()
    {
        var (topicArn, queueUrl) = await moto.CreateSubscribedTopicAsync("cli-stdin");
        var variables = Environment();
        variables["TOPIC_ARN"] = topicArn;

        var (exit, stdout, stderr) = Run(["publish", "-", "--language", "ja"], variables, RepositoryFiles.SampleEvent);

        Assert.True(exit == ExitCodes.Success, stderr);
        var envelope = Assert.Single(await moto.ReceiveAsync(queueUrl));
        Assert.Equal(stdout.Trim(), envelope.GetProperty("MessageId").GetString());
        var expected = new Notifier(new RenderOptions(NotificationLanguage.Japanese, TimeZoneInfo.Utc))
            .Notify(RepositoryFiles.SampleEvent);
        Assert.Equal(expected.Message, envelope.GetProperty("Message").GetString());
    }

    [Fact]
    public void A_failed_publish_prints_one_line_with_the_AWS_error_code_and_message_and_exits_1()
    {
        var missing = $"arn:aws:sns:{MotoServer.Region}:{MotoServer.AccountId}:cli-no-such-topic";

        var (exit, stdout, stderr) = Run(["publish", RepositoryFiles.SampleEventPath, "--topic-arn", missing], Environment());

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Equal(string.Empty, stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: NotFound: ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_secret_key_prints_SignatureDoesNotMatch_and_exits_1()
    {
        var (topicArn, _) = await moto.CreateSubscribedTopicAsync("cli-wrong-secret");
        var wrong = new AwsEdges(_http, AwsCredentialsSource.Fixed(moto.AccessKeyId, "not-the-secret"), TimeProvider.System, () => 0);

        var (exit, _, stderr) = Run(["publish", RepositoryFiles.SampleEventPath, "--topic-arn", topicArn], Environment(), aws: wrong);

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.StartsWith("error: SignatureDoesNotMatch: ", Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_with_a_chat_topic_prints_both_ids_and_the_card_arrives_on_the_chat_topic()
    {
        var (topicArn, queueUrl) = await moto.CreateSubscribedTopicAsync("cli-chat-email");
        var (chatArn, chatQueue) = await moto.CreateSubscribedTopicAsync("cli-chat-chat");

        var (exit, stdout, stderr) = Run(["publish", RepositoryFiles.SampleEventPath, "--topic-arn", topicArn, "--chat-topic-arn", chatArn], Environment());

        Assert.True(exit == ExitCodes.Success, stderr);
        var ids = stdout.Trim().Split(' ');
        Assert.Equal(2, ids.Length);
        Assert.Equal(ids[0], Assert.Single(await moto.ReceiveAsync(queueUrl)).GetProperty("MessageId").GetString());
        var chat = Assert.Single(await moto.ReceiveAsync(chatQueue));
        Assert.Equal(ids[1], chat.GetProperty("MessageId").GetString());
        Assert.Equal(new Notifier(RenderOptions.Default with { ChatCards = true }).Notify(RepositoryFiles.SampleEvent).ChatCard, chat.GetProperty("Message").GetString());
    }

    [Theory]
    [InlineData(new string[] { "publish", "EVENT" }, "--topic-arn is required")]
    [InlineData(new string[] { "publish", "EVENT", "--topic-arn", "arn:aws:sqs:us-east-1:123456789012:q" }, "not an SNS topic ARN")]
    [InlineData(new string[] { "publish", "EVENT", "--topic-arn", "arn:aws:sns:us-east-1:123456789012:t", "--language", "xx" }, "unknown language")]
    [InlineData(new string[] { "publish", "no/such/file.json", "--topic-arn", "arn:aws:sns:us-east-1:123456789012:t" }, "no such file")]
    public void Unusable_input_prints_one_line_and_exits_2_without_calling_AWS(string[] args, string expected)
    {
        args = args.Select(a => a == "EVENT" ? RepositoryFiles.SampleEventPath : a).ToArray();

        var (exit, stdout, stderr) = Run(args, Environment());

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal(string.Empty, stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _http.Dispose();
        _tempFiles.ForEach(File.Delete);
    }

    private Dictionary<string, string> Environment() => new() { ["AWS_ENDPOINT_URL_SNS"] = moto.Endpoint.ToString() };

    private (int Exit, string Stdout, string Stderr) Run(string[] args, Dictionary<string, string> variables, byte[]? stdin = null, AwsEdges? aws = null)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var environment = new CliEnvironment(new MemoryStream(stdin ?? []), stdout, stderr, name => variables.GetValueOrDefault(name));
        var exit = CliApp.Run(args, environment, aws ?? new AwsEdges(_http, moto.Credentials, TimeProvider.System, () => 0));
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static byte[] JsonLines(params byte[][] events)
    {
        var lines = events.Select(e => System.Text.Json.JsonDocument.Parse(e).RootElement.GetRawText().ReplaceLineEndings(string.Empty));
        return Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");
    }

    private string WriteTemp(byte[] content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"ctn-{Guid.NewGuid():N}.jsonl");
        File.WriteAllBytes(path, content);
        _tempFiles.Add(path);
        return path;
    }
}

using System.Text;
using System.Text.Json;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.EndToEnd.Folding;

/// <summary>Noise control end to end: the Runtime API loop, moto's DynamoDB and SNS (signatures checked), as Lambda runs it.</summary>
[Collection(MotoCollection.Name)]
public sealed class NoiseControlLoopTests(MotoServer moto)
{
    private static readonly string Sample = Encoding.UTF8.GetString(RepositoryFiles.SampleEvent);

    private const string Sweep = """
        {"version":"0","id":"sweep-1","detail-type":"Scheduled Event","source":"aws.events","account":"123456789012",
         "time":"2026-12-01T11:00:00Z","region":"us-east-1","resources":["arn:aws:events:us-east-1:123456789012:rule/sweep"],"detail":{}}
        """;

    [Fact]
    public async Task A_second_delivery_of_the_same_event_sends_nothing_and_succeeds()
    {
        var (topic, queue, table) = await SetUpAsync("noise-dup");
        await using var api = new FakeRuntimeApi();
        await using var host = new LambdaHostRun(api, Variables(topic, table, window: 900), moto.Credentials);

        api.Enqueue("first", Event("dup-1"), DateTimeOffset.UtcNow.AddSeconds(30));
        api.Enqueue("again", Event("dup-1"), DateTimeOffset.UtcNow.AddSeconds(30));
        var first = await api.NextReportAsync();
        var again = await api.NextReportAsync();

        Assert.Equal(RuntimeReportKind.Response, first.Kind);
        Assert.Equal((RuntimeReportKind.Response, """{"duplicate":true}"""), (again.Kind, again.Body));
        Assert.Single(await moto.ReceiveAsync(queue));
        Assert.Contains(host.LogLines, line => line.Contains("\"invocationResult\":\"duplicate\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AWS_ENDPOINT_URL_DYNAMODB_alone_points_the_state_table_at_moto_and_wins_over_AWS_ENDPOINT_URL()
    {
        var (topic, queue, table) = await SetUpAsync("noise-endpoint");
        await using var api = new FakeRuntimeApi();
        var variables = Variables(topic, table, window: 900);
        variables["AWS_ENDPOINT_URL"] = $"http://127.0.0.1:{FreePort.Next()}/"; // nothing listens there
        variables["AWS_ENDPOINT_URL_SNS"] = moto.Endpoint.ToString();
        variables["AWS_ENDPOINT_URL_DYNAMODB"] = moto.Endpoint.ToString();
        await using var host = new LambdaHostRun(api, variables, moto.Credentials);

        api.Enqueue("first", Event("endpoint-1"), DateTimeOffset.UtcNow.AddSeconds(30));
        api.Enqueue("again", Event("endpoint-1"), DateTimeOffset.UtcNow.AddSeconds(30));
        Assert.Equal(RuntimeReportKind.Response, (await api.NextReportAsync()).Kind);
        Assert.Equal("""{"duplicate":true}""", (await api.NextReportAsync()).Body);

        Assert.Single(await moto.ReceiveAsync(queue));
        Assert.Contains(host.LogLines, line => line.Contains("\"stateStore\":\"recorded\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Repeats_fold_into_one_digest_that_one_sweep_sends_and_an_overlapping_sweep_does_not_repeat()
    {
        var (topic, queue, table) = await SetUpAsync("noise-fold");
        await using var api = new FakeRuntimeApi();
        await using var host = new LambdaHostRun(api, Variables(topic, table, window: 3), moto.Credentials);

        foreach (var id in (string[])["f-1", "f-2", "f-3", "f-4"])
        {
            api.Enqueue(id, Event(id), DateTimeOffset.UtcNow.AddSeconds(30));
            Assert.Equal(RuntimeReportKind.Response, (await api.NextReportAsync()).Kind);
        }

        var first = Assert.Single(await moto.ReceiveAsync(queue));
        Assert.DoesNotContain("Digest", first.GetProperty("Subject").GetString(), StringComparison.Ordinal);

        api.Enqueue("early-sweep", Encoding.UTF8.GetBytes(Sweep), DateTimeOffset.UtcNow.AddSeconds(30));
        Assert.Equal("""{"digests":[]}""", (await api.NextReportAsync()).Body);

        await Task.Delay(TimeSpan.FromSeconds(3.2));
        api.Enqueue("sweep-a", Encoding.UTF8.GetBytes(Sweep), DateTimeOffset.UtcNow.AddSeconds(30));
        api.Enqueue("sweep-b", Encoding.UTF8.GetBytes(Sweep), DateTimeOffset.UtcNow.AddSeconds(30));
        var a = await api.NextReportAsync();
        var b = await api.NextReportAsync();

        Assert.Single(JsonDocument.Parse(a.Body).RootElement.GetProperty("digests").EnumerateArray());
        Assert.Equal("""{"digests":[]}""", b.Body);
        var digest = Assert.Single(await moto.ReceiveAsync(queue));
        var subject = digest.GetProperty("Subject").GetString()!;
        Assert.StartsWith("Digest: 3 more", subject, StringComparison.Ordinal);
        Assert.True(subject.Length < 100);
        Assert.Contains("f-2, f-3, f-4", digest.GetProperty("Message").GetString(), StringComparison.Ordinal);
        Assert.Equal("3", digest.GetProperty("MessageAttributes").GetProperty("digest").GetProperty("Value").GetString());
    }

    [Fact]
    public async Task A_sweep_that_cannot_publish_fails_and_leaves_the_digest_due_for_the_next_sweep()
    {
        var (topic, queue, table) = await SetUpAsync("noise-sweep-fail");

        // Each host gets a Runtime API of its own: a stopped host's pending "next" must not take the next stage's event.
        // The window is long enough for both events to land in it on a loaded machine; the wait is for its end only.
        const int window = 5;
        var opened = DateTimeOffset.UtcNow;
        await using (var api = new FakeRuntimeApi())
        await using (var host = new LambdaHostRun(api, Variables(topic, table, window), moto.Credentials))
        {
            foreach (var id in (string[])["s-1", "s-2"])
            {
                api.Enqueue(id, Event(id), DateTimeOffset.UtcNow.AddSeconds(30));
                await api.NextReportAsync();
            }
        }

        Assert.True(DateTimeOffset.UtcNow - opened < TimeSpan.FromSeconds(window), "both events must land in the window");
        var wait = opened + TimeSpan.FromSeconds(window + 0.5) - DateTimeOffset.UtcNow;
        await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
        var missing = $"arn:aws:sns:{MotoServer.Region}:{MotoServer.AccountId}:noise-no-such-topic";
        await using (var api = new FakeRuntimeApi())
        await using (var broken = new LambdaHostRun(api, Variables(missing, table, window), moto.Credentials))
        {
            api.Enqueue("sweep-fails", Encoding.UTF8.GetBytes(Sweep), DateTimeOffset.UtcNow.AddSeconds(30));
            var failed = await api.NextReportAsync();
            Assert.Equal(RuntimeReportKind.Error, failed.Kind);
            Assert.Contains("stay due", failed.Body, StringComparison.Ordinal);
        }

        await using var healthyApi = new FakeRuntimeApi();
        await using var healthy = new LambdaHostRun(healthyApi, Variables(topic, table, window), moto.Credentials);
        healthyApi.Enqueue("sweep-ok", Encoding.UTF8.GetBytes(Sweep), DateTimeOffset.UtcNow.AddSeconds(30));
        Assert.Equal(RuntimeReportKind.Response, (await healthyApi.NextReportAsync()).Kind);
        var messages = await moto.ReceiveAsync(queue);
        Assert.Equal(2, messages.Count);
        Assert.Contains(messages, m => m.GetProperty("Subject").GetString()!.StartsWith("Digest: 1 more", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_first_event_whose_publish_failed_is_sent_on_its_retry_not_folded_into_its_own_window()
    {
        var (topic, queue, table) = await SetUpAsync("noise-retry");
        var missing = $"arn:aws:sns:{MotoServer.Region}:{MotoServer.AccountId}:noise-retry-no-such-topic";
        await using (var api = new FakeRuntimeApi())
        await using (var broken = new LambdaHostRun(api, Variables(missing, table, window: 900), moto.Credentials))
        {
            api.Enqueue("attempt-1", Event("retry-1"), DateTimeOffset.UtcNow.AddSeconds(30));
            Assert.Equal(RuntimeReportKind.Error, (await api.NextReportAsync()).Kind);
        }

        await using var retryApi = new FakeRuntimeApi();
        await using var healthy = new LambdaHostRun(retryApi, Variables(topic, table, window: 900), moto.Credentials);
        retryApi.Enqueue("attempt-2", Event("retry-1"), DateTimeOffset.UtcNow.AddSeconds(30));
        retryApi.Enqueue("repeat", Event("retry-2"), DateTimeOffset.UtcNow.AddSeconds(30));
        var retried = await retryApi.NextReportAsync();
        var repeat = await retryApi.NextReportAsync();

        Assert.Equal(RuntimeReportKind.Response, retried.Kind);
        Assert.Contains("messageId", retried.Body, StringComparison.Ordinal);
        Assert.Equal((RuntimeReportKind.Response, """{"folded":true}"""), (repeat.Kind, repeat.Body));
        var sent = Assert.Single(await moto.ReceiveAsync(queue));
        Assert.Contains("retry-1", sent.GetProperty("Message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Critical_events_are_never_folded()
    {
        var (topic, queue, table) = await SetUpAsync("noise-writes");
        await using var api = new FakeRuntimeApi();
        var variables = Variables(topic, table, window: 900);
        variables["DECOY_SECRETS"] = "sample/secret"; // every read of the sample's secret is now critical
        await using var host = new LambdaHostRun(api, variables, moto.Credentials);

        foreach (var id in (string[])["w-1", "w-2", "w-3"])
        {
            api.Enqueue(id, Event(id), DateTimeOffset.UtcNow.AddSeconds(30));
            Assert.Equal(RuntimeReportKind.Response, (await api.NextReportAsync()).Kind);
        }

        Assert.Equal(3, (await moto.ReceiveAsync(queue)).Count);
    }

    [Fact]
    public async Task Past_the_rate_guard_even_first_events_fold_and_the_digest_says_so()
    {
        var (topic, queue, table) = await SetUpAsync("noise-rate");
        await using var api = new FakeRuntimeApi();
        var variables = Variables(topic, table, window: 1);
        variables["RATE_GUARD_PER_MINUTE"] = "1";
        await using var host = new LambdaHostRun(api, variables, moto.Credentials);

        api.Enqueue("r-1", Event("r-1"), DateTimeOffset.UtcNow.AddSeconds(30));
        api.Enqueue("r-2", Event("r-2", eventName: "DescribeSecret"), DateTimeOffset.UtcNow.AddSeconds(30));
        Assert.Equal(RuntimeReportKind.Response, (await api.NextReportAsync()).Kind);
        Assert.Equal("""{"folded":true}""", (await api.NextReportAsync()).Body);
        Assert.Single(await moto.ReceiveAsync(queue));

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        api.Enqueue("sweep", Encoding.UTF8.GetBytes(Sweep), DateTimeOffset.UtcNow.AddSeconds(30));
        await api.NextReportAsync();
        var digest = Assert.Single(await moto.ReceiveAsync(queue));
        Assert.Contains("rate guard acted", digest.GetProperty("Message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_DynamoDB_answers_500_or_throttles_the_event_is_notified_anyway_and_the_log_says_skipped()
    {
        var (topic, queue, _) = await SetUpAsync("noise-open", createTable: false);
        await using var dynamo = new FakeSns(
            new FakeSns.Answer(500, """{"__type":"com.amazonaws.dynamodb.v20120810#InternalServerError","message":"boom"}"""),
            new FakeSns.Answer(400, """{"__type":"com.amazonaws.dynamodb.v20120810#ThrottlingException","message":"slow down"}"""));
        await using var api = new FakeRuntimeApi();
        var variables = Variables(topic, "state", window: 900);
        variables["AWS_ENDPOINT_URL_DYNAMODB"] = dynamo.Endpoint.ToString();
        await using var host = new LambdaHostRun(api, variables, moto.Credentials);

        api.Enqueue("open", Event("open-1"), DateTimeOffset.UtcNow.AddSeconds(30));
        var report = await api.NextReportAsync();

        Assert.Equal(RuntimeReportKind.Response, report.Kind);
        Assert.Single(await moto.ReceiveAsync(queue));
        Assert.Equal(3, dynamo.Requests.Count);
        var line = Assert.Single(host.LogLines, l => l.Contains("\"stateStore\":\"skipped\"", StringComparison.Ordinal));
        Assert.Contains("\"StateStoreSkipped\":1", line, StringComparison.Ordinal);
    }

    private async Task<(string Topic, string Queue, string Table)> SetUpAsync(string name, bool createTable = true)
    {
        var (topic, queue) = await moto.CreateSubscribedTopicAsync(name);
        var table = createTable ? await StateTable.CreateAsync(moto, name + "-state") : name;
        return (topic, queue, table);
    }

    private Dictionary<string, string> Variables(string topic, string table, int window) => new()
    {
        ["TOPIC_ARN"] = topic,
        ["AWS_ENDPOINT_URL"] = moto.Endpoint.ToString(),
        ["AWS_REGION"] = MotoServer.Region,
        ["STATE_TABLE_NAME"] = table,
        ["DIGEST_WINDOW_SECONDS"] = window.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static byte[] Event(string eventId, bool readOnly = true, string eventName = "GetSecretValue") =>
        Encoding.UTF8.GetBytes(Sample
            .Replace("903caaaa-7777-4444-9999-example", eventId, StringComparison.Ordinal)
            .Replace("\"readOnly\": true", readOnly ? "\"readOnly\": true" : "\"readOnly\": false", StringComparison.Ordinal)
            .Replace("\"GetSecretValue\"", "\"" + eventName + "\"", StringComparison.Ordinal));
}

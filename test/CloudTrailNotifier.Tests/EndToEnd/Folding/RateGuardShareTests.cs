using System.Globalization;
using System.Text;
using System.Text.Json;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.EndToEnd.Folding;

/// <summary>
/// The rate guard's share per principal end to end (Runtime API loop, moto's DynamoDB and SNS): a flood of cheap denied
/// calls from one principal folds its own first events, not those of a real reader; principals that take turns still
/// fill the minute, and the digests say who caused it.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class RateGuardShareTests(MotoServer moto)
{
    private static readonly string Denied = File.ReadAllText(RepositoryFiles.Path("events", "ec2-describe-instances-terraform.json"))
        .Replace("\"requestParameters\"", "\"errorCode\": \"Client.UnauthorizedOperation\", \"errorMessage\": \"You are not authorized to perform this operation.\", \"requestParameters\"", StringComparison.Ordinal);

    private static readonly string Reader = Encoding.UTF8.GetString(RepositoryFiles.SampleEvent);

    private const string Sweep = """
        {"version":"0","id":"sweep-share","detail-type":"Scheduled Event","source":"aws.events","account":"123456789012",
         "time":"2026-12-01T11:00:00Z","region":"us-east-1","resources":["arn:aws:events:us-east-1:123456789012:rule/sweep"],"detail":{}}
        """;

    [Fact]
    public async Task A_flood_from_one_principal_cannot_use_up_the_minute_for_a_real_reader_and_rotating_principals_are_named_in_number()
    {
        var (topic, queue) = await moto.CreateSubscribedTopicAsync("share-rate");
        var table = await StateTable.CreateAsync(moto, "share-rate-state");
        await using var api = new FakeRuntimeApi();
        const int window = 2;
        await using var host = new LambdaHostRun(api, new Dictionary<string, string>
        {
            ["TOPIC_ARN"] = topic,
            ["AWS_ENDPOINT_URL"] = moto.Endpoint.ToString(),
            ["AWS_REGION"] = MotoServer.Region,
            ["STATE_TABLE_NAME"] = table,
            ["DIGEST_WINDOW_SECONDS"] = window.ToString(CultureInfo.InvariantCulture),
            ["RATE_GUARD_PER_MINUTE"] = "3", // a share of one first event a minute per principal
        }, moto.Credentials);

        // All of it in one minute of the rate guard: start early in a minute.
        var now = DateTimeOffset.UtcNow;
        if (now.Second >= 30)
        {
            await Task.Delay(TimeSpan.FromSeconds(60 - now.Second) - TimeSpan.FromMilliseconds(now.Millisecond) + TimeSpan.FromMilliseconds(200));
        }

        var start = DateTimeOffset.UtcNow;
        string[] sent =
        [
            await DeliverAsync(api, "s1-a", Scan("s1-a", "scanner-1", "DescribeInstances")),
            await DeliverAsync(api, "s1-b", Scan("s1-b", "scanner-1", "DescribeVolumes")),
            await DeliverAsync(api, "s1-c", Scan("s1-c", "scanner-1", "DescribeSnapshots")),
            await DeliverAsync(api, "reader", Encoding.UTF8.GetBytes(Reader)),
            await DeliverAsync(api, "s2-a", Scan("s2-a", "scanner-2", "DescribeInstances")),
            await DeliverAsync(api, "s3-a", Scan("s3-a", "scanner-3", "DescribeInstances")),
        ];
        Assert.True(DateTimeOffset.UtcNow.Minute == start.Minute, "the events must share one minute");

        // Scanner-1 takes its share (one), then folds its own; the reader is sent; scanner-2 fills the minute; scanner-3 folds.
        Assert.Equal(["sent", "folded", "folded", "sent", "sent", "folded"], sent);
        var singles = await moto.ReceiveAsync(queue);
        Assert.Equal(3, singles.Count);
        Assert.Contains(singles, m => m.GetProperty("Message").GetString()!.Contains("903caaaa-7777-4444-9999-example", StringComparison.Ordinal));

        await Task.Delay(TimeSpan.FromSeconds(window + 0.5));
        api.Enqueue("sweep", Encoding.UTF8.GetBytes(Sweep), DateTimeOffset.UtcNow.AddSeconds(30));
        Assert.Equal(RuntimeReportKind.Response, (await api.NextReportAsync()).Kind);
        var digests = await moto.ReceiveAsync(queue);

        Assert.Equal(3, digests.Count);
        var own = digests.Where(d => Text(d).Contains("role/scanner-1", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, own.Count);
        Assert.All(own, d => Assert.Contains("The rate guard acted: this principal had more first events in a minute than its share", Text(d), StringComparison.Ordinal));
        var full = Assert.Single(digests, d => Text(d).Contains("role/scanner-3", StringComparison.Ordinal));
        Assert.Contains("The rate guard acted: the first events of 3 principals filled a minute's limit", Text(full), StringComparison.Ordinal);

        // A digest of refused calls says denied, as the single notification of the same calls does.
        Assert.All(digests, d => Assert.Equal("denied", Attribute(d, "outcome")));
        Assert.All(singles.Where(m => Text(m).Contains("role/scanner", StringComparison.Ordinal)), m => Assert.Equal("denied", Attribute(m, "outcome")));
    }

    private static async Task<string> DeliverAsync(FakeRuntimeApi api, string id, byte[] bytes)
    {
        api.Enqueue(id, bytes, DateTimeOffset.UtcNow.AddSeconds(30));
        var report = await api.NextReportAsync();
        Assert.Equal(RuntimeReportKind.Response, report.Kind);
        return report.Body == """{"folded":true}""" ? "folded" : "sent";
    }

    private static byte[] Scan(string eventId, string role, string eventName) =>
        Encoding.UTF8.GetBytes(Denied
            .Replace("81fef427-bce8-46e6-9012-5ac6d41b06b1", eventId, StringComparison.Ordinal)
            .Replace("role/terraform-deployer", "role/" + role, StringComparison.Ordinal)
            .Replace("\"DescribeInstances\"", "\"" + eventName + "\"", StringComparison.Ordinal));

    private static string Text(JsonElement message) => message.GetProperty("Message").GetString()!;

    private static string? Attribute(JsonElement message, string name) =>
        message.GetProperty("MessageAttributes").GetProperty(name).GetProperty("Value").GetString();
}

using CloudTrailNotifier.Aws;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Resilience;
using CloudTrailNotifier.Sns;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.EndToEnd.Sns;

/// <summary>FIFO topics: a group and a deduplication id from the event id, checked against moto's FIFO topics and queues.</summary>
[Collection(MotoCollection.Name)]
public sealed class FifoPublishTests(MotoServer moto) : IDisposable
{
    private readonly HttpClient _http = AwsHttp.Create();

    [Fact]
    public void A_FIFO_topic_gets_group_and_deduplication_ids_from_the_event_id_and_a_standard_topic_none()
    {
        var notification = new Notification("s", "m", [], "903caaaa-7777-4444-9999-example");

        var fifo = Fields(PublishForm.Encode(notification, SnsPublisherRetryTests.Arn(name: "alerts.fifo")));
        var standard = Fields(PublishForm.Encode(notification, SnsPublisherRetryTests.Arn()));

        Assert.Equal("903caaaa-7777-4444-9999-example", fifo["MessageGroupId"]);
        Assert.Equal("903caaaa-7777-4444-9999-example", fifo["MessageDeduplicationId"]);
        Assert.False(standard.ContainsKey("MessageGroupId") || standard.ContainsKey("MessageDeduplicationId"));
    }

    [Theory]
    [InlineData("id with spaces & <tags>")]
    [InlineData(null)]
    public void An_event_id_of_another_shape_or_none_becomes_a_stable_digest(string? eventId)
    {
        var first = FifoMessageIds.For(new Notification("s", "m", [], eventId));
        var again = FifoMessageIds.For(new Notification("s", "m", [], eventId));
        var other = FifoMessageIds.For(new Notification("s", "other", [], eventId is null ? null : eventId + "x"));

        Assert.Matches("^[0-9a-f]{64}$", first);
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task A_notification_published_to_a_FIFO_topic_arrives_in_a_FIFO_queue_with_its_group()
    {
        var (topicArn, queueUrl) = await CreateFifoAsync("fifo-alerts");
        var notification = new Notification("FIFO subject", "FIFO body", [new MessageAttribute("eventName", "GetSecretValue")], "fifo-event-1");

        var receipt = await Publisher().PublishAsync(notification, Topic(topicArn));

        var answer = await moto.Client().CallAsync("sqs", "ReceiveMessage", "2012-11-05",
            ("QueueUrl", queueUrl), ("MaxNumberOfMessages", "10"), ("WaitTimeSeconds", "2"), ("AttributeName.1", "All"));
        var body = System.Text.Json.JsonDocument.Parse(Assert.Single(AwsQueryClient.All(answer, "Body"))).RootElement;
        Assert.Equal(receipt.MessageId, body.GetProperty("MessageId").GetString());
        Assert.Equal("FIFO body", body.GetProperty("Message").GetString());
        var attributes = answer.Descendants().Where(e => e.Name.LocalName == "Attribute")
            .ToDictionary(e => e.Elements().First(c => c.Name.LocalName == "Name").Value, e => e.Elements().First(c => c.Name.LocalName == "Value").Value);
        Assert.Equal("fifo-event-1", attributes["MessageGroupId"]);
    }

    [Fact]
    public async Task Without_a_group_moto_refuses_a_FIFO_publish_as_SNS_does()
    {
        var (topicArn, _) = await CreateFifoAsync("fifo-no-group");

        var error = await Assert.ThrowsAsync<AwsQueryException>(() =>
            moto.Client().CallAsync("sns", "Publish", "2010-03-31", ("TopicArn", topicArn), ("Message", "no group")));

        Assert.Equal("MissingParameter", error.Code);
    }

    public void Dispose() => _http.Dispose();

    private async Task<(string TopicArn, string QueueUrl)> CreateFifoAsync(string name)
    {
        var client = moto.Client();
        var topic = AwsQueryClient.First(await client.CallAsync("sns", "CreateTopic", "2010-03-31", ("Name", name + ".fifo"),
            ("Attributes.entry.1.key", "FifoTopic"), ("Attributes.entry.1.value", "true")), "TopicArn")!;
        var queueUrl = AwsQueryClient.First(await client.CallAsync("sqs", "CreateQueue", "2012-11-05", ("QueueName", name + ".fifo"),
            ("Attribute.1.Name", "FifoQueue"), ("Attribute.1.Value", "true")), "QueueUrl")!;
        await client.CallAsync("sns", "Subscribe", "2010-03-31",
            ("TopicArn", topic), ("Protocol", "sqs"), ("Endpoint", $"arn:aws:sqs:{MotoServer.Region}:{MotoServer.AccountId}:{name}.fifo"));
        return (topic, queueUrl);
    }

    private SnsPublisher Publisher() => new(_http, moto.Credentials, TimeProvider.System, RetryStrategyOptions.Default(() => 0.5));

    private SnsTopic Topic(string arn)
    {
        Assert.True(TopicArn.TryParse(arn, out var parsed, out var error), error);
        return new SnsTopic(parsed!, moto.Endpoint);
    }

    private static Dictionary<string, string> Fields(byte[] body) => System.Text.Encoding.UTF8.GetString(body).Split('&')
        .Select(pair => pair.Split('='))
        .ToDictionary(pair => Uri.UnescapeDataString(pair[0]), pair => Uri.UnescapeDataString(pair[1]));
}

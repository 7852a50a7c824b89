using CloudTrailNotifier.Aws;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Resilience;
using CloudTrailNotifier.Settings;
using CloudTrailNotifier.Sns;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.EndToEnd.Sns;

[Collection(MotoCollection.Name)]
public sealed class MotoPublishTests(MotoServer moto) : IDisposable
{
    private readonly HttpClient _http = AwsHttp.Create();

    private static readonly Notification Tricky = new(
        "Héllo ✓ 日本語 & = + % ; subject",
        "line one\nline two\twith tab, \"quotes\", <xml> & ampersands, emoji 🔐, and a + plus\n\n末尾",
        [new MessageAttribute("eventName", "GetSecretValue"), new MessageAttribute("outcome", "success & more=+%")],
        "903caaaa-7777-4444-9999-example");

    [Fact]
    public async Task Published_subject_message_and_attributes_arrive_intact_in_a_subscribed_queue()
    {
        var (topicArn, queueUrl) = await moto.CreateSubscribedTopicAsync("intact");

        var messageId = (await Publisher(moto.Credentials).PublishAsync(Tricky, Topic(topicArn))).MessageId;

        var envelope = Assert.Single(await moto.ReceiveAsync(queueUrl));
        Assert.Equal("Notification", envelope.GetProperty("Type").GetString());
        Assert.Equal(messageId, envelope.GetProperty("MessageId").GetString());
        Assert.Equal(topicArn, envelope.GetProperty("TopicArn").GetString());
        Assert.Equal(Tricky.Subject, envelope.GetProperty("Subject").GetString());
        Assert.Equal(Tricky.Message, envelope.GetProperty("Message").GetString());
        var attributes = envelope.GetProperty("MessageAttributes");
        Assert.Equal(Tricky.Attributes.Count, attributes.EnumerateObject().Count());
        foreach (var attribute in Tricky.Attributes)
        {
            Assert.Equal("String", attributes.GetProperty(attribute.Name).GetProperty("Type").GetString());
            Assert.Equal(attribute.Value, attributes.GetProperty(attribute.Name).GetProperty("Value").GetString());
        }
    }

    [Fact]
    public async Task Publish_with_a_wrong_secret_key_fails_with_SignatureDoesNotMatch()
    {
        var (topicArn, queueUrl) = await moto.CreateSubscribedTopicAsync("wrong-secret");
        var wrong = AwsCredentialsSource.Fixed(moto.AccessKeyId, moto.SecretAccessKey + "x");

        var error = await Assert.ThrowsAsync<SnsPublishException>(() => Publisher(wrong).PublishAsync(Tricky, Topic(topicArn)));

        Assert.Equal("SignatureDoesNotMatch", error.Code);
        Assert.Equal(1, error.Attempts);
        Assert.Empty(await moto.ReceiveAsync(queueUrl, waitSeconds: 0));
    }

    [Fact]
    public async Task Publish_to_a_topic_that_does_not_exist_fails_with_NotFound()
    {
        var missing = $"arn:aws:sns:{MotoServer.Region}:{MotoServer.AccountId}:no-such-topic";

        var error = await Assert.ThrowsAsync<SnsPublishException>(() => Publisher(moto.Credentials).PublishAsync(Tricky, Topic(missing)));

        Assert.Equal("NotFound", error.Code);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public async Task Every_publish_gets_its_own_message_id()
    {
        var (topicArn, queueUrl) = await moto.CreateSubscribedTopicAsync("several");
        var publisher = Publisher(moto.Credentials);

        var first = (await publisher.PublishAsync(Tricky, Topic(topicArn))).MessageId;
        var second = (await publisher.PublishAsync(Tricky with { Subject = "second" }, Topic(topicArn))).MessageId;

        Assert.NotEqual(first, second);
        var ids = (await moto.ReceiveAsync(queueUrl)).Select(m => m.GetProperty("MessageId").GetString()).ToHashSet();
        Assert.Equal(new HashSet<string?> { first, second }, ids);
    }

    public void Dispose() => _http.Dispose();

    private SnsPublisher Publisher(AwsCredentialsSource credentials) =>
        new(_http, credentials, TimeProvider.System, RetryStrategyOptions.Default(() => 0.5));

    private SnsTopic Topic(string arn)
    {
        var topic = new NotifierSettings(name => name switch
        {
            NotifierSettings.SnsEndpointVariable => moto.Endpoint.ToString(),
            NotifierSettings.TopicArnVariable => arn,
            _ => null,
        }).Topic();
        Assert.True(topic.IsValid, topic.Error);
        return topic.Value!;
    }
}

using System.Text;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.EndToEnd.Packaging;

/// <summary>
/// <c>ctn redrive</c> as it ships: the Native AOT executable reads the queue through AWSSDK.SQS (no reflection to
/// fall back on), with the credentials from its environment, and publishes through SNS.
/// </summary>
[Collection(AotCollection.Name)]
public sealed class AotRedriveTests(PublishedExecutable published, MotoServer moto)
{
    [Fact]
    public async Task The_native_executable_redrives_both_shapes_and_leaves_the_unreadable_message()
    {
        Assert.True(published.Publish.ExitCode == 0, published.Publish.ToString());
        var dlq = await DeadLetterQueueFixture.CreateAsync(moto, "aot-redrive");
        var (topicArn, subscribed) = await moto.CreateSubscribedTopicAsync("aot-redrive-topic");
        var seed = File.ReadAllText(TestEvents.SeedPath);
        await dlq.SendAsync(DeadLetters.FailureRecord(seed));
        await dlq.SendAsync(seed, DeadLetters.RuleAttributes());
        var unreadable = await dlq.SendAsync("not an event");

        var result = await ProcessRunner.RunAsync(published.ExecutablePath,
            ["redrive", dlq.AwsUrl, "--topic-arn", topicArn, "--wait-seconds", "1", "--language", "ja"],
            new Dictionary<string, string>
            {
                ["AWS_ACCESS_KEY_ID"] = moto.AccessKeyId,
                ["AWS_SECRET_ACCESS_KEY"] = moto.SecretAccessKey,
                ["AWS_ENDPOINT_URL"] = moto.Endpoint.ToString(),
            },
            timeout: TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(
            [$"error: message {unreadable}: the body is not JSON, so it holds no event; left in the queue", "redrive: 2 published, 1 left, 0 failed"],
            result.ErrorLines);
        Assert.Equal(2, result.OutputLines.Count);
        var expected = new Notifier(new RenderOptions(NotificationLanguage.Japanese, TimeZoneInfo.Utc)).Notify(Encoding.UTF8.GetBytes(seed)).Message;
        var arrived = await DeadLetterQueueFixture.DrainAsync(moto, subscribed);
        Assert.Equal([expected, expected], arrived.Select(e => e.GetProperty("Message").GetString()));
        Assert.Equal((1, 0), await dlq.CountAsync());
    }
}

using System.Text.Json;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Tests.EndToEnd.Folding;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.EndToEnd.Lambda;

/// <summary>
/// CHAT_TOPIC_ARN end to end: the Runtime API loop, moto's SNS and SQS (a queue subscribed to each topic) and, for
/// retries, its DynamoDB. One invocation reaches both topics, the email with its attributes, the chat topic the card.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class ChatDeliveryTests(MotoServer moto)
{
    private static readonly byte[] Event = RepositoryFiles.SampleEvent;

    [Fact]
    public async Task One_invocation_publishes_the_email_with_its_attributes_and_the_card_to_the_chat_topic()
    {
        var (emailTopic, emailQueue) = await moto.CreateSubscribedTopicAsync("chat-both-email");
        var (chatTopic, chatQueue) = await moto.CreateSubscribedTopicAsync("chat-both-chat");
        await using var api = new FakeRuntimeApi();
        await using var host = new LambdaHostRun(api, Variables(emailTopic, chatTopic), moto.Credentials);

        api.Enqueue("both", Event, DateTimeOffset.UtcNow.AddSeconds(30));
        var report = await api.NextReportAsync();

        Assert.Equal(RuntimeReportKind.Response, report.Kind);
        var response = JsonDocument.Parse(report.Body).RootElement;
        var expected = new Notifier(RenderOptions.Default with { ChatCards = true }).Notify(Event);

        var email = Assert.Single(await moto.ReceiveAsync(emailQueue));
        Assert.Equal(response.GetProperty("messageId").GetString(), email.GetProperty("MessageId").GetString());
        Assert.Equal(expected.Subject, email.GetProperty("Subject").GetString());
        Assert.Equal(expected.Message, email.GetProperty("Message").GetString());
        var attributes = email.GetProperty("MessageAttributes");
        Assert.Equal(expected.Attributes.Count, attributes.EnumerateObject().Count());
        Assert.Equal("notice", attributes.GetProperty("severity").GetProperty("Value").GetString());

        var chat = Assert.Single(await moto.ReceiveAsync(chatQueue));
        Assert.Equal(response.GetProperty("chatMessageId").GetString(), chat.GetProperty("MessageId").GetString());
        var card = chat.GetProperty("Message").GetString()!;
        Assert.Equal(expected.ChatCard, card);
        ChatCardInvariants.AssertValid(card, "published card");
        Assert.False(chat.TryGetProperty("MessageAttributes", out var chatAttributes) && chatAttributes.EnumerateObject().Any());
    }

    [Fact]
    public async Task A_failing_chat_publish_fails_the_invocation_after_the_email_was_sent()
    {
        var (emailTopic, emailQueue) = await moto.CreateSubscribedTopicAsync("chat-fail-email");
        var missing = $"arn:aws:sns:{MotoServer.Region}:{MotoServer.AccountId}:chat-no-such-topic";
        await using var api = new FakeRuntimeApi();
        await using var host = new LambdaHostRun(api, Variables(emailTopic, missing), moto.Credentials);

        api.Enqueue("chat-fails", Event, DateTimeOffset.UtcNow.AddSeconds(30));
        var report = await api.NextReportAsync();

        Assert.Equal((RuntimeReportKind.Error, "Sns.NotFound"), (report.Kind, report.ErrorTypeHeader));
        Assert.Contains("chat topic", JsonDocument.Parse(report.Body).RootElement.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        Assert.Single(await moto.ReceiveAsync(emailQueue));
    }

    [Fact]
    public async Task With_the_state_table_a_retry_after_a_failed_chat_publish_sends_only_the_card()
    {
        var (emailTopic, emailQueue) = await moto.CreateSubscribedTopicAsync("chat-retry-email");
        var table = await StateTable.CreateAsync(moto, "chat-retry-state");
        const string ChatName = "chat-retry-chat";
        var chatArn = $"arn:aws:sns:{MotoServer.Region}:{MotoServer.AccountId}:{ChatName}";
        var variables = Variables(emailTopic, chatArn);
        variables["STATE_TABLE_NAME"] = table;
        variables["AWS_ENDPOINT_URL"] = moto.Endpoint.ToString();
        variables["AWS_REGION"] = MotoServer.Region;

        // Critical (a decoy), so never folded: a retry of a foldable event can fold into the group's digest instead.
        variables["DECOY_SECRETS"] = "sample/secret";

        await using (var api = new FakeRuntimeApi())
        await using (var host = new LambdaHostRun(api, variables, moto.Credentials))
        {
            api.Enqueue("attempt-1", Event, DateTimeOffset.UtcNow.AddSeconds(30));
            Assert.Equal(RuntimeReportKind.Error, (await api.NextReportAsync()).Kind);
        }

        // The chat topic exists now (same ARN): Lambda's retry of the same event.
        var (_, chatQueue) = await moto.CreateSubscribedTopicAsync(ChatName);
        await using var retryApi = new FakeRuntimeApi();
        await using var retry = new LambdaHostRun(retryApi, variables, moto.Credentials);
        retryApi.Enqueue("attempt-2", Event, DateTimeOffset.UtcNow.AddSeconds(30));
        var report = await retryApi.NextReportAsync();

        Assert.Equal(RuntimeReportKind.Response, report.Kind);
        Assert.Single(await moto.ReceiveAsync(emailQueue));
        Assert.Single(await moto.ReceiveAsync(chatQueue));
        var response = JsonDocument.Parse(report.Body).RootElement;
        Assert.Equal(JsonValueKind.Null, response.GetProperty("messageId").ValueKind);
        Assert.Equal(JsonValueKind.String, response.GetProperty("chatMessageId").ValueKind);
    }

    [Fact]
    public async Task A_dry_run_with_a_chat_topic_answers_with_both_publish_requests()
    {
        await using var api = new FakeRuntimeApi();
        var variables = new Dictionary<string, string>
        {
            ["DRY_RUN"] = "true",
            ["TOPIC_ARN"] = "arn:aws:sns:us-east-1:123456789012:email",
            ["CHAT_TOPIC_ARN"] = "arn:aws:sns:us-east-1:123456789012:chat",
        };
        await using var host = new LambdaHostRun(api, variables);

        api.Enqueue("dry", Event, DateTimeOffset.UtcNow.AddSeconds(30));
        var report = await api.NextReportAsync();

        Assert.Equal(RuntimeReportKind.Response, report.Kind);
        var body = JsonDocument.Parse(report.Body).RootElement;
        var email = body.GetProperty("email");
        Assert.Equal("arn:aws:sns:us-east-1:123456789012:email", email.GetProperty("TopicArn").GetString());
        Assert.True(email.GetProperty("MessageAttributes").TryGetProperty("severity", out _));
        var chat = body.GetProperty("chat");
        Assert.Equal("arn:aws:sns:us-east-1:123456789012:chat", chat.GetProperty("TopicArn").GetString());
        Assert.False(chat.TryGetProperty("Subject", out _));
        Assert.False(chat.TryGetProperty("MessageAttributes", out _));
        ChatCardInvariants.AssertValid(chat.GetProperty("Message").GetString()!, "dry run");
    }

    [Fact]
    public async Task A_chat_topic_that_is_not_an_ARN_is_a_configuration_error_naming_CHAT_TOPIC_ARN()
    {
        await using var api = new FakeRuntimeApi();
        var variables = Variables("arn:aws:sns:us-east-1:123456789012:email", "not-an-arn");
        await using var host = new LambdaHostRun(api, variables);

        var report = await api.NextReportAsync();

        Assert.Equal((RuntimeReportKind.InitError, "Runtime.ConfigurationError"), (report.Kind, report.ErrorTypeHeader));
        Assert.StartsWith("CHAT_TOPIC_ARN: ", JsonDocument.Parse(report.Body).RootElement.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await host.Completion.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    private Dictionary<string, string> Variables(string emailTopic, string chatTopic) => new()
    {
        ["TOPIC_ARN"] = emailTopic,
        ["CHAT_TOPIC_ARN"] = chatTopic,
        ["AWS_ENDPOINT_URL_SNS"] = moto.Endpoint.ToString(),
    };
}

using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using CloudTrailNotifier.Tests.Folding;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.EndToEnd.Folding;

/// <summary>
/// Noise control never stores or shows a secret from an event: the review's digest-ua-secret.json shape (a user agent
/// with a token and a password) folded end to end through the Runtime API loop, moto's DynamoDB, SNS and SQS, with chat.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class NoiseControlRedactionTests(MotoServer moto)
{
    private static readonly string Sample = Encoding.UTF8.GetString(RepositoryFiles.SampleEvent);

    private const string Sweep = """
        {"version":"0","id":"sweep-r","detail-type":"Scheduled Event","source":"aws.events","account":"123456789012",
         "time":"2026-12-01T11:00:00Z","region":"us-east-1","resources":[],"detail":{}}
        """;

    [Fact]
    public async Task A_secret_in_a_folded_user_agent_reaches_neither_the_table_the_digest_email_the_digest_card_nor_a_log_line()
    {
        var (topic, queue) = await moto.CreateSubscribedTopicAsync("noise-redact");
        var (chatTopic, chatQueue) = await moto.CreateSubscribedTopicAsync("noise-redact-chat");
        var table = await StateTable.CreateAsync(moto, "noise-redact-state");
        await using var api = new FakeRuntimeApi();
        await using var host = new LambdaHostRun(api, new Dictionary<string, string>
        {
            ["TOPIC_ARN"] = topic,
            ["CHAT_TOPIC_ARN"] = chatTopic,
            ["AWS_ENDPOINT_URL"] = moto.Endpoint.ToString(),
            ["AWS_REGION"] = MotoServer.Region,
            ["STATE_TABLE_NAME"] = table,
            ["DIGEST_WINDOW_SECONDS"] = "3",
        }, moto.Credentials);

        var opened = DateTimeOffset.UtcNow;
        foreach (var id in (string[])["aaaa0000-0000-0000-0000-000000000001", "aaaa0000-0000-0000-0000-000000000002", "aaaa0000-0000-0000-0000-000000000003"])
        {
            api.Enqueue(id, Event(id), DateTimeOffset.UtcNow.AddSeconds(30));
            Assert.Equal(RuntimeReportKind.Response, (await api.NextReportAsync()).Kind);
        }

        Assert.True(DateTimeOffset.UtcNow - opened < TimeSpan.FromSeconds(3), "the repeats must land in the window");
        var stored = await ScanAsync(table);
        Assert.Contains("deploy-bot/1.0 (Authorization: [redacted: 48 characters]", stored, StringComparison.Ordinal);
        Assert.Contains("\"readOnly\":\"true\"", stored, StringComparison.Ordinal);
        Assert.Contains("\"severity\":\"notice\"", stored, StringComparison.Ordinal);

        var wait = opened + TimeSpan.FromSeconds(3.5) - DateTimeOffset.UtcNow;
        await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
        api.Enqueue("sweep", Encoding.UTF8.GetBytes(Sweep), DateTimeOffset.UtcNow.AddSeconds(30));
        Assert.Equal(RuntimeReportKind.Response, (await api.NextReportAsync()).Kind);

        var emails = await moto.ReceiveAsync(queue);
        var cards = await moto.ReceiveAsync(chatQueue);
        Assert.Equal((2, 2), (emails.Count, cards.Count));
        var digest = Assert.Single(emails, e => e.GetProperty("Subject").GetString()!.StartsWith("Digest: 2 more", StringComparison.Ordinal));
        Assert.Contains("User agents: deploy-bot/1.0 (Authorization: [redacted: 48 characters]", digest.GetProperty("Message").GetString(), StringComparison.Ordinal);
        var attributes = digest.GetProperty("MessageAttributes");
        Assert.Equal(("true", "notice"), (Value(attributes, "readOnly"), Value(attributes, "severity")));
        Assert.Contains(cards, c => c.GetProperty("Message").GetString()!.Contains("[redacted: 48 characters]", StringComparison.Ordinal)
            && c.GetProperty("Message").GetString()!.Contains("2 more", StringComparison.Ordinal));

        var everything = string.Join('\n', [stored, .. emails.Select(e => e.GetRawText()), .. cards.Select(c => c.GetRawText()), .. host.LogLines]);
        Assert.DoesNotContain("Hunter2", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("ghp_", everything, StringComparison.Ordinal);
    }

    /// <summary>Every item of the table as DynamoDB holds it, one JSON object a line.</summary>
    private async Task<string> ScanAsync(string table)
    {
        using var client = StateTable.Client(moto);
        var items = (await client.ScanAsync(new ScanRequest { TableName = table })).Items;
        return string.Join('\n', items.Select(item => ItemJson(item)));
    }

    private static string ItemJson(Dictionary<string, AttributeValue> item)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in item)
            {
                if (value.L is { Count: > 0 } list)
                {
                    writer.WriteStartArray(name);
                    list.ForEach(entry => writer.WriteStringValue(entry.S));
                    writer.WriteEndArray();
                }
                else
                {
                    writer.WriteString(name, value.S ?? value.N ?? value.BOOL?.ToString());
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string? Value(JsonElement attributes, string name) => attributes.GetProperty(name).GetProperty("Value").GetString();

    private static byte[] Event(string eventId) => Encoding.UTF8.GetBytes(FoldEventReaderTests.ReplaceValue(
        Sample.Replace("903caaaa-7777-4444-9999-example", eventId, StringComparison.Ordinal), "userAgent", FoldEventReaderTests.SecretAgent));
}

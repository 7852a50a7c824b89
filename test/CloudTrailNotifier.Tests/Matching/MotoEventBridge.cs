using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using CloudTrailNotifier.Aws;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Matching;

/// <summary>
/// moto's EventBridge as a pattern oracle: moto 5 has no TestEventPattern, so each pattern becomes a rule on a bus of
/// its own with an SQS queue as target, events go in with PutEvents (ten a call), and the queues say which rule took
/// which event (by the id PutEvents returned).
/// </summary>
internal sealed class MotoEventBridge(MotoServer moto)
{
    private const string JsonContentType = "application/x-amz-json-1.1";

    /// <summary>For each pattern (in order), the indexes of the events moto delivered to its rule.</summary>
    public async Task<IReadOnlyList<HashSet<int>>> MatchAsync(string bus, IReadOnlyList<string> patterns, IReadOnlyList<MotoEntry> events)
    {
        await CallAsync("CreateEventBus", new JsonObject { ["Name"] = bus });
        var queues = new List<string>();
        for (var i = 0; i < patterns.Count; i++)
        {
            var name = $"{bus}-{i}";
            var queueUrl = AwsQueryClient.First(await moto.Client().CallAsync("sqs", "CreateQueue", "2012-11-05", ("QueueName", name)), "QueueUrl")!;
            queues.Add(queueUrl);
            await CallAsync("PutRule", new JsonObject { ["Name"] = name, ["EventBusName"] = bus, ["EventPattern"] = patterns[i], ["State"] = "ENABLED" });
            await CallAsync("PutTargets", new JsonObject
            {
                ["Rule"] = name,
                ["EventBusName"] = bus,
                ["Targets"] = new JsonArray(new JsonObject { ["Id"] = "queue", ["Arn"] = $"arn:aws:sqs:{MotoServer.Region}:{MotoServer.AccountId}:{name}" }),
            });
        }

        var indexById = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var batch in events.Select((entry, index) => (entry, index)).Chunk(10))
        {
            var entries = new JsonArray();
            foreach (var (entry, _) in batch)
            {
                entries.Add((JsonNode)new JsonObject
                {
                    ["Source"] = entry.Source,
                    ["DetailType"] = entry.DetailType,
                    ["Detail"] = entry.Detail,
                    ["Resources"] = JsonNode.Parse(entry.ResourcesJson),
                    ["EventBusName"] = bus,
                });
            }

            var answer = await CallAsync("PutEvents", new JsonObject { ["Entries"] = entries });
            var results = answer.GetProperty("Entries").EnumerateArray().ToList();
            Assert.Equal(batch.Length, results.Count);
            for (var i = 0; i < batch.Length; i++)
            {
                var id = results[i].TryGetProperty("EventId", out var eventId)
                    ? eventId.GetString()!
                    : throw new InvalidOperationException($"moto refused event {batch[i].index}: {results[i]}");
                indexById[id] = batch[i].index;
            }
        }

        var matched = new List<HashSet<int>>();
        foreach (var queueUrl in queues)
        {
            var indexes = new HashSet<int>();
            while (true)
            {
                var answer = await moto.Client().CallAsync("sqs", "ReceiveMessage", "2012-11-05",
                    ("QueueUrl", queueUrl), ("MaxNumberOfMessages", "10"), ("VisibilityTimeout", "600"), ("WaitTimeSeconds", "0"));
                var bodies = AwsQueryClient.All(answer, "Body").ToList();
                if (bodies.Count == 0)
                {
                    break;
                }

                foreach (var body in bodies)
                {
                    using var delivered = JsonDocument.Parse(body);
                    indexes.Add(indexById[delivered.RootElement.GetProperty("id").GetString()!]);
                }
            }

            matched.Add(indexes);
        }

        return matched;
    }

    private async Task<JsonElement> CallAsync(string action, JsonObject request)
    {
        var body = Encoding.UTF8.GetBytes(request.ToJsonString());
        using var message = new HttpRequestMessage(HttpMethod.Post, moto.Endpoint) { Content = new ByteArrayContent(body) };
        message.Content.Headers.TryAddWithoutValidation("Content-Type", JsonContentType);
        message.Headers.TryAddWithoutValidation("X-Amz-Target", "AWSEvents." + action);
        await SigV4Signer.SignAsync(message, body, JsonContentType, new BasicAWSCredentials(moto.AccessKeyId, moto.SecretAccessKey),
            MotoServer.Region, "events", DateTimeOffset.UtcNow, CancellationToken.None);
        using var response = await moto.Http.SendAsync(message);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{action}: HTTP {(int)response.StatusCode} {text}");
        }

        return JsonDocument.Parse(text.Length == 0 ? "{}" : text).RootElement.Clone();
    }
}

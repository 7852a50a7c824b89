using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using CloudTrailNotifier.Aws;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Matching;

/// <summary>
/// moto's EventBridge as a pattern oracle: moto 5.2 does not implement TestEventPattern, so each pattern becomes a
/// rule with an SQS queue as its target, events go in with PutEvents (ten a call), and the queues say which rule took
/// which event (by the id PutEvents returned). A delivery costs moto tens of milliseconds, so the cases keep matches few.
/// </summary>
internal sealed class MotoEventBridge(MotoServer moto)
{
    private const string JsonContentType = "application/x-amz-json-1.1";

    /// <summary>For each pattern (in order), the indexes of the events moto delivered to its rule (all rules on one bus).</summary>
    public async Task<IReadOnlyList<HashSet<int>>> MatchAsync(string bus, IReadOnlyList<string> patterns, IReadOnlyList<MotoEntry> events)
    {
        await CallAsync("CreateEventBus", new JsonObject { ["Name"] = bus });
        var queues = new List<string>();
        for (var i = 0; i < patterns.Count; i++)
        {
            queues.Add(await AddRuleAsync(bus, $"{bus}-{i}", patterns[i]));
        }

        var indexById = await PutAsync(events.Select(e => (bus, e)).ToList());
        var matched = new List<HashSet<int>>();
        foreach (var queueUrl in queues)
        {
            matched.Add([.. (await DrainAsync(queueUrl)).Select(id => indexById[id])]);
        }

        return matched;
    }

    /// <summary>For each (pattern, event) pair, whether moto matched them: each pair on a bus of its own.</summary>
    public async Task<IReadOnlyList<bool>> MatchPairsAsync(string prefix, IReadOnlyList<(string Pattern, MotoEntry Event)> pairs)
    {
        var queues = new List<string>();
        for (var i = 0; i < pairs.Count; i++)
        {
            var bus = $"{prefix}-{i}";
            await CallAsync("CreateEventBus", new JsonObject { ["Name"] = bus });
            queues.Add(await AddRuleAsync(bus, bus, pairs[i].Pattern));
        }

        await PutAsync(pairs.Select((pair, i) => ($"{prefix}-{i}", pair.Event)).ToList());
        var matched = new List<bool>();
        foreach (var queueUrl in queues)
        {
            matched.Add((await DrainAsync(queueUrl)).Count > 0);
        }

        return matched;
    }

    /// <summary>
    /// A rule with an SQS queue as its target. The input transformer keeps only the event id: without one, moto
    /// compiles its eight default input paths for every delivery (about 85 ms each).
    /// </summary>
    private async Task<string> AddRuleAsync(string bus, string name, string pattern)
    {
        var queueUrl = AwsQueryClient.First(await moto.Client().CallAsync("sqs", "CreateQueue", "2012-11-05", ("QueueName", name)), "QueueUrl")!;
        await CallAsync("PutRule", new JsonObject { ["Name"] = name, ["EventBusName"] = bus, ["EventPattern"] = pattern, ["State"] = "ENABLED" });
        await CallAsync("PutTargets", new JsonObject
        {
            ["Rule"] = name,
            ["EventBusName"] = bus,
            ["Targets"] = new JsonArray(new JsonObject
            {
                ["Id"] = "queue",
                ["Arn"] = $"arn:aws:sqs:{MotoServer.Region}:{MotoServer.AccountId}:{name}",
                ["InputTransformer"] = new JsonObject
                {
                    ["InputPathsMap"] = new JsonObject { ["id"] = "$.id" },
                    ["InputTemplate"] = "{\"id\": \"<id>\"}",
                },
            }),
        });
        return queueUrl;
    }

    /// <summary>Puts the events, ten a call, each on its bus; the index of each event by the id PutEvents gave it.</summary>
    private async Task<Dictionary<string, int>> PutAsync(IReadOnlyList<(string Bus, MotoEntry Event)> events)
    {
        var indexById = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var batch in events.Select((entry, index) => (entry, index)).Chunk(10))
        {
            var entries = new JsonArray();
            foreach (var ((bus, entry), _) in batch)
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
                indexById[results[i].TryGetProperty("EventId", out var eventId)
                    ? eventId.GetString()!
                    : throw new InvalidOperationException($"moto refused event {batch[i].index}: {results[i]}")] = batch[i].index;
            }
        }

        return indexById;
    }

    /// <summary>The ids of the events in the queue.</summary>
    private async Task<List<string>> DrainAsync(string queueUrl)
    {
        var ids = new List<string>();
        while (true)
        {
            var answer = await moto.Client().CallAsync("sqs", "ReceiveMessage", "2012-11-05",
                ("QueueUrl", queueUrl), ("MaxNumberOfMessages", "10"), ("VisibilityTimeout", "600"), ("WaitTimeSeconds", "0"));
            var bodies = AwsQueryClient.All(answer, "Body").ToList();
            if (bodies.Count == 0)
            {
                return ids;
            }

            foreach (var body in bodies)
            {
                using var delivered = JsonDocument.Parse(body);
                ids.Add(delivered.RootElement.GetProperty("id").GetString()!);
            }
        }
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

using System.Globalization;
using System.Text.Json;
using CloudTrailNotifier.Folding;

namespace CloudTrailNotifier.State;

/// <summary>
/// The state table in DynamoDB: one string key <c>pk</c>, items expiring through TTL on <c>expiresAt</c>, and a
/// sparse index <c>due</c> that holds only groups with a digest to send. Operations used: GetItem, PutItem,
/// UpdateItem, DeleteItem, Query (the template grants exactly these).
/// </summary>
internal sealed class DynamoStateStore(DynamoDbClient client, string table) : IStateStore
{
    public const string DueIndex = "due";
    private static readonly TimeSpan Keep = TimeSpan.FromDays(2);

    /// <summary>Longer than any invocation (Lambda's limit is 15 minutes): a claim older than this was left by a crash.</summary>
    private static readonly TimeSpan ClaimLifetime = TimeSpan.FromMinutes(15);

    public async Task<ClaimResult> ClaimEventAsync(string eventKey, DateTimeOffset now, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        var body = DynamoJson.Request(w =>
        {
            w.WriteString("TableName", table);
            w.WriteStartObject("Item");
            DynamoJson.S(w, "pk", "event#" + eventKey);
            DynamoJson.S(w, "status", "claimed");
            DynamoJson.N(w, "claimUntil", (now + ClaimLifetime).ToUnixTimeMilliseconds());
            DynamoJson.N(w, "expiresAt", (now + Keep).ToUnixTimeSeconds());
            w.WriteEndObject();
            w.WriteString("ConditionExpression", "attribute_not_exists(pk) OR (#s = :claimed AND claimUntil < :now)");
            w.WriteStartObject("ExpressionAttributeNames");
            w.WriteString("#s", "status");
            w.WriteEndObject();
            w.WriteStartObject("ExpressionAttributeValues");
            DynamoJson.S(w, ":claimed", "claimed");
            DynamoJson.N(w, ":now", now.ToUnixTimeMilliseconds());
            w.WriteEndObject();
        });
        var answer = await client.CallAsync("PutItem", body, deadline, cancellationToken).ConfigureAwait(false);
        if (!answer.ConditionFailed)
        {
            return ClaimResult.Claimed;
        }

        var item = await GetAsync("event#" + eventKey, deadline, cancellationToken).ConfigureAwait(false);
        return item is { } found && DynamoJson.GetS(found, "status") == "claimed" ? ClaimResult.InProgress : ClaimResult.Done;
    }

    public async Task MarkEventDoneAsync(string eventKey, DateTimeOffset now, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        var body = DynamoJson.Request(w =>
        {
            w.WriteString("TableName", table);
            w.WriteStartObject("Item");
            DynamoJson.S(w, "pk", "event#" + eventKey);
            DynamoJson.S(w, "status", "done");
            DynamoJson.N(w, "expiresAt", (now + Keep).ToUnixTimeSeconds());
            w.WriteEndObject();
        });
        await client.CallAsync("PutItem", body, deadline, cancellationToken).ConfigureAwait(false);
    }

    public async Task ReleaseEventAsync(string eventKey, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        var body = DynamoJson.Request(w =>
        {
            w.WriteString("TableName", table);
            DynamoJson.Key(w, "event#" + eventKey);
            w.WriteString("ConditionExpression", "#s = :claimed");
            w.WriteStartObject("ExpressionAttributeNames");
            w.WriteString("#s", "status");
            w.WriteEndObject();
            w.WriteStartObject("ExpressionAttributeValues");
            DynamoJson.S(w, ":claimed", "claimed");
            w.WriteEndObject();
        });
        await client.CallAsync("DeleteItem", body, deadline, cancellationToken).ConfigureAwait(false);
    }

    public async Task<GroupState?> ReadGroupAsync(string groupKey, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        var item = await GetAsync("group#" + groupKey, deadline, cancellationToken).ConfigureAwait(false);
        return item is { } found ? GroupItem.Read(groupKey, found) : null;
    }

    public async Task<bool> WriteGroupAsync(GroupState state, long expectedVersion, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        var body = DynamoJson.Request(w =>
        {
            w.WriteString("TableName", table);
            w.WriteStartObject("Item");
            GroupItem.Write(w, state with { Version = expectedVersion + 1 }, Keep);
            w.WriteEndObject();
            if (expectedVersion == 0)
            {
                w.WriteString("ConditionExpression", "attribute_not_exists(pk)");
            }
            else
            {
                w.WriteString("ConditionExpression", "ver = :v");
                w.WriteStartObject("ExpressionAttributeValues");
                DynamoJson.N(w, ":v", expectedVersion);
                w.WriteEndObject();
            }
        });
        var answer = await client.CallAsync("PutItem", body, deadline, cancellationToken).ConfigureAwait(false);
        return !answer.ConditionFailed;
    }

    public async Task<bool> TakeRateSlotAsync(DateTimeOffset now, int limit, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        var minute = now.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
        var body = DynamoJson.Request(w =>
        {
            w.WriteString("TableName", table);
            DynamoJson.Key(w, "rate#" + minute);
            w.WriteString("UpdateExpression", "ADD sent :one SET expiresAt = :expires");
            w.WriteString("ConditionExpression", "attribute_not_exists(sent) OR sent < :limit");
            w.WriteStartObject("ExpressionAttributeValues");
            DynamoJson.N(w, ":one", 1);
            DynamoJson.N(w, ":limit", limit);
            DynamoJson.N(w, ":expires", (now + TimeSpan.FromHours(1)).ToUnixTimeSeconds());
            w.WriteEndObject();
        });
        var answer = await client.CallAsync("UpdateItem", body, deadline, cancellationToken).ConfigureAwait(false);
        return !answer.ConditionFailed;
    }

    public async Task<IReadOnlyList<string>> DueGroupsAsync(DateTimeOffset now, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        string? startKey = null;
        do
        {
            var from = startKey;
            var body = DynamoJson.Request(w =>
            {
                w.WriteString("TableName", table);
                w.WriteString("IndexName", DueIndex);
                w.WriteString("KeyConditionExpression", "dueShard = :due AND dueAt <= :now");
                w.WriteString("ProjectionExpression", "pk");
                w.WriteStartObject("ExpressionAttributeValues");
                DynamoJson.S(w, ":due", GroupItem.DueShard);
                DynamoJson.N(w, ":now", now.ToUnixTimeMilliseconds());
                w.WriteEndObject();
                if (from is not null)
                {
                    w.WritePropertyName("ExclusiveStartKey");
                    w.WriteRawValue(from);
                }
            });
            var answer = await client.CallAsync("Query", body, deadline, cancellationToken).ConfigureAwait(false);
            startKey = null;
            if (answer.Body is { } json)
            {
                if (json.TryGetProperty("Items", out var items))
                {
                    foreach (var item in items.EnumerateArray())
                    {
                        if (DynamoJson.GetS(item, "pk") is { } pk && pk.StartsWith("group#", StringComparison.Ordinal))
                        {
                            keys.Add(pk["group#".Length..]);
                        }
                    }
                }

                if (json.TryGetProperty("LastEvaluatedKey", out var last) && last.ValueKind == JsonValueKind.Object)
                {
                    startKey = last.GetRawText();
                }
            }
        }
        while (startKey is not null && keys.Count < 1000);

        return keys;
    }

    private async Task<JsonElement?> GetAsync(string pk, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        var body = DynamoJson.Request(w =>
        {
            w.WriteString("TableName", table);
            DynamoJson.Key(w, pk);
            w.WriteBoolean("ConsistentRead", true);
        });
        var answer = await client.CallAsync("GetItem", body, deadline, cancellationToken).ConfigureAwait(false);
        return answer.Body is { } json && json.TryGetProperty("Item", out var item) ? item : null;
    }
}

using System.Globalization;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CloudTrailNotifier.Folding;

namespace CloudTrailNotifier.State;

/// <summary>
/// The state table in DynamoDB, through the SDK's low-level client: one string key <c>pk</c>, items expiring through
/// TTL on <c>expiresAt</c>, and a sparse index <c>due</c> that holds only groups with a digest to send. Operations
/// used: GetItem, PutItem, UpdateItem, DeleteItem, Query (the template grants exactly these). Every conditional write
/// asks for the item that refused it (<c>ReturnValuesOnConditionCheckFailure: ALL_OLD</c>), so a refusal costs no
/// second read; but the sweeps' budget, whose refusal says all there is to know.
/// </summary>
internal sealed class DynamoStateStore(DynamoDbCalls calls, string table) : IStateStore
{
    public const string DueIndex = "due";
    private static readonly TimeSpan Keep = TimeSpan.FromDays(2);

    /// <summary>Longer than any invocation (Lambda's limit is 15 minutes): a claim older than this was left by a crash.</summary>
    private static readonly TimeSpan ClaimLifetime = TimeSpan.FromMinutes(15);

    /// <summary>After its invocation's deadline (Lambda ends it there), a claim can only have been left by a crash.</summary>
    private static readonly TimeSpan ClaimPastDeadline = TimeSpan.FromSeconds(10);

    public async Task<ClaimResult> ClaimEventAsync(string eventKey, DateTimeOffset now, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        var request = new PutItemRequest
        {
            TableName = table,
            Item = new()
            {
                ["pk"] = DynamoItems.S("event#" + eventKey),
                ["status"] = DynamoItems.S("claimed"),
                ["claimUntil"] = DynamoItems.N(ClaimUntil(now, deadline).ToUnixTimeMilliseconds()),
                ["expiresAt"] = DynamoItems.N((now + Keep).ToUnixTimeSeconds()),
            },
            ConditionExpression = "attribute_not_exists(pk) OR (#s = :claimed AND claimUntil < :now)",
            ExpressionAttributeNames = new() { ["#s"] = "status" },
            ExpressionAttributeValues = new() { [":claimed"] = DynamoItems.S("claimed"), [":now"] = DynamoItems.N(now.ToUnixTimeMilliseconds()) },
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        };
        var answer = await calls.CallAsync("PutItem", (c, t) => c.PutItemAsync(request, t), deadline, cancellationToken).ConfigureAwait(false);
        if (!answer.ConditionFailed)
        {
            return ClaimResult.Claimed;
        }

        var item = answer.Current ?? await GetAsync("event#" + eventKey, deadline, cancellationToken).ConfigureAwait(false);
        return item is { } found && DynamoItems.GetS(found, "status") == "claimed" ? ClaimResult.InProgress : ClaimResult.Done;
    }

    /// <summary>
    /// Until when a claim holds: the claiming invocation's deadline and a little (a retry of an attempt that died then
    /// takes the event over instead of failing until the dead-letter queue), at most <see cref="ClaimLifetime"/>.
    /// </summary>
    internal static DateTimeOffset ClaimUntil(DateTimeOffset now, DateTimeOffset? deadline)
    {
        var until = deadline is { } end ? end + ClaimPastDeadline : now + ClaimLifetime;
        return until > now + ClaimLifetime ? now + ClaimLifetime : until < now + ClaimPastDeadline ? now + ClaimPastDeadline : until;
    }

    public async Task MarkEventDoneAsync(string eventKey, DateTimeOffset now, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        var request = new PutItemRequest
        {
            TableName = table,
            Item = new()
            {
                ["pk"] = DynamoItems.S("event#" + eventKey),
                ["status"] = DynamoItems.S("done"),
                ["expiresAt"] = DynamoItems.N((now + Keep).ToUnixTimeSeconds()),
            },
        };
        await calls.CallAsync("PutItem", (c, t) => c.PutItemAsync(request, t), deadline, cancellationToken).ConfigureAwait(false);
    }

    public async Task ReleaseEventAsync(string eventKey, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        var request = new DeleteItemRequest
        {
            TableName = table,
            Key = DynamoItems.Key("event#" + eventKey),
            ConditionExpression = "#s = :claimed",
            ExpressionAttributeNames = new() { ["#s"] = "status" },
            ExpressionAttributeValues = new() { [":claimed"] = DynamoItems.S("claimed") },
        };
        await calls.CallAsync("DeleteItem", (c, t) => c.DeleteItemAsync(request, t), deadline, cancellationToken).ConfigureAwait(false);
    }

    public async Task<GroupState?> ReadGroupAsync(string groupKey, DateTimeOffset? deadline, CancellationToken cancellationToken) =>
        GroupItem.ReadOrNull(groupKey, await GetAsync("group#" + groupKey, deadline, cancellationToken).ConfigureAwait(false));

    public async Task<GroupWrite> OpenGroupAsync(GroupState opened, DateTimeOffset now, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        // Every attribute of the opened state but the key, the version and the lease (a lease is the sweep's; with
        // nothing folded there is none to keep or clear), and the optional ones it lacks removed.
        var item = GroupItem.Write(opened, Keep);
        var names = new Dictionary<string, string>(StringComparer.Ordinal) { ["#ver"] = "ver", ["#we"] = "windowEnd", ["#fo"] = "folded" };
        var values = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            [":zero"] = DynamoItems.N(0),
            [":one"] = DynamoItems.N(1),
            [":now"] = DynamoItems.N(now.ToUnixTimeMilliseconds()),
        };
        var set = new StringBuilder("SET #ver = if_not_exists(#ver, :zero) + :one");
        var i = 0;
        foreach (var (name, value) in item)
        {
            if (name is "pk" or "ver" or "leaseEnd" or "leaseId")
            {
                continue;
            }

            names["#a" + i] = name;
            values[":a" + i] = value;
            set.Append(CultureInfo.InvariantCulture, $", #a{i} = :a{i}");
            i++;
        }

        var remove = GroupItem.Optional.Where(name => name is not ("leaseEnd" or "leaseId") && !item.ContainsKey(name)).ToList();
        for (var r = 0; r < remove.Count; r++)
        {
            names["#r" + r] = remove[r];
        }

        var request = new UpdateItemRequest
        {
            TableName = table,
            Key = DynamoItems.Key("group#" + opened.GroupKey),
            UpdateExpression = set + (remove.Count == 0 ? "" : " REMOVE " + string.Join(", ", remove.Select((_, r) => "#r" + r))),
            ConditionExpression = "attribute_not_exists(pk) OR (#we <= :now AND #fo <= :zero)",
            ExpressionAttributeNames = names,
            ExpressionAttributeValues = values,
            ReturnValues = ReturnValue.ALL_NEW,
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        };
        var answer = await calls.CallAsync("UpdateItem", (c, t) => c.UpdateItemAsync(request, t), deadline, cancellationToken).ConfigureAwait(false);
        return answer.Result is { } done
            ? new GroupWrite(true, GroupItem.ReadOrNull(opened.GroupKey, done.Attributes) ?? opened)
            : await RefusedAsync(opened.GroupKey, answer.Current, deadline, cancellationToken).ConfigureAwait(false);
    }

    public async Task<GroupWrite> WriteGroupAsync(GroupState state, long expectedVersion, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        var written = state with { Version = expectedVersion + 1 };
        var request = new PutItemRequest
        {
            TableName = table,
            Item = GroupItem.Write(written, Keep),
            ConditionExpression = expectedVersion == 0 ? "attribute_not_exists(pk)" : "ver = :v",
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        };
        if (expectedVersion != 0)
        {
            request.ExpressionAttributeValues = new() { [":v"] = DynamoItems.N(expectedVersion) };
        }

        var answer = await calls.CallAsync("PutItem", (c, t) => c.PutItemAsync(request, t), deadline, cancellationToken).ConfigureAwait(false);
        return answer.ConditionFailed
            ? await RefusedAsync(state.GroupKey, answer.Current, deadline, cancellationToken).ConfigureAwait(false)
            : new GroupWrite(true, written);
    }

    public async Task<RateTake> TakeRateSlotAsync(
        DateTimeOffset now, string principalKey, int limit, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        // One item a minute: the total, and one counter per principal that had a first event sent in it (at most the
        // limit of them, 20 bytes each), so the share is checked in the same conditional update as the limit.
        var minute = now.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
        var request = new UpdateItemRequest
        {
            TableName = table,
            Key = DynamoItems.Key("rate#" + minute),
            UpdateExpression = "ADD sent :one, #p :one SET expiresAt = :expires",
            ConditionExpression = "(attribute_not_exists(sent) OR sent < :limit) AND (attribute_not_exists(#p) OR #p < :share)",
            ExpressionAttributeNames = new() { ["#p"] = RateItem.PrincipalPrefix + principalKey },
            ExpressionAttributeValues = new()
            {
                [":one"] = DynamoItems.N(1),
                [":limit"] = DynamoItems.N(limit),
                [":share"] = DynamoItems.N(FoldDecider.PrincipalShare(limit)),
                [":expires"] = DynamoItems.N((now + TimeSpan.FromHours(1)).ToUnixTimeSeconds()),
            },
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        };
        var answer = await calls.CallAsync("UpdateItem", (c, t) => c.UpdateItemAsync(request, t), deadline, cancellationToken).ConfigureAwait(false);
        return answer.ConditionFailed ? new RateTake(false, RateItem.Read(answer.Current)) : new RateTake(true, null);
    }

    public async Task<bool> TakeSweepSlotAsync(DateTimeOffset now, int limit, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        // One item a minute, shared by every sweep of it: a digest counted only while the minute has room.
        var minute = now.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
        var request = new UpdateItemRequest
        {
            TableName = table,
            Key = DynamoItems.Key("sweep#" + minute),
            UpdateExpression = "ADD sent :one SET expiresAt = :expires",
            ConditionExpression = "attribute_not_exists(sent) OR sent < :limit",
            ExpressionAttributeValues = new()
            {
                [":one"] = DynamoItems.N(1),
                [":limit"] = DynamoItems.N(limit),
                [":expires"] = DynamoItems.N((now + TimeSpan.FromHours(1)).ToUnixTimeSeconds()),
            },
        };
        var answer = await calls.CallAsync("UpdateItem", (c, t) => c.UpdateItemAsync(request, t), deadline, cancellationToken).ConfigureAwait(false);
        return !answer.ConditionFailed;
    }

    public async Task<IReadOnlyList<DueGroup>> DueGroupsAsync(DateTimeOffset now, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        var keys = new List<DueGroup>();
        Dictionary<string, AttributeValue>? startKey = null;
        do
        {
            var request = new QueryRequest
            {
                TableName = table,
                IndexName = DueIndex,
                KeyConditionExpression = "dueShard = :due AND dueAt <= :now",
                ProjectionExpression = "pk, dueAt",
                ExpressionAttributeValues = new() { [":due"] = DynamoItems.S(GroupItem.DueShard), [":now"] = DynamoItems.N(now.ToUnixTimeMilliseconds()) },
                ExclusiveStartKey = startKey,
            };
            var answer = await calls.CallAsync("Query", (c, t) => c.QueryAsync(request, t), deadline, cancellationToken).ConfigureAwait(false);
            foreach (var item in answer.Result?.Items ?? [])
            {
                if (DynamoItems.GetS(item, "pk") is { } pk && pk.StartsWith("group#", StringComparison.Ordinal))
                {
                    var (dueAt, share) = GroupItem.ReadDueAt(item.TryGetValue("dueAt", out var at) ? at.N : null);
                    keys.Add(new DueGroup(pk["group#".Length..], dueAt, share));
                }
            }

            startKey = answer.Result?.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (startKey is not null && keys.Count < 1000);

        return keys;
    }

    /// <summary>A refused group write: the group as the refusal returned it, read only if DynamoDB did not return it.</summary>
    private async Task<GroupWrite> RefusedAsync(string groupKey, Dictionary<string, AttributeValue>? current, DateTimeOffset? deadline, CancellationToken cancellationToken) =>
        new(false, GroupItem.ReadOrNull(groupKey, current ?? await GetAsync("group#" + groupKey, deadline, cancellationToken).ConfigureAwait(false)));

    private async Task<Dictionary<string, AttributeValue>?> GetAsync(string pk, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        var request = new GetItemRequest { TableName = table, Key = DynamoItems.Key(pk), ConsistentRead = true };
        var answer = await calls.CallAsync("GetItem", (c, t) => c.GetItemAsync(request, t), deadline, cancellationToken).ConfigureAwait(false);
        return answer.Result?.Item is { Count: > 0 } item ? item : null;
    }
}

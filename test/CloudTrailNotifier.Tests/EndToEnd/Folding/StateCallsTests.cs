using System.Text;
using Amazon.DynamoDBv2.Model;
using CloudTrailNotifier.Folding;
using CloudTrailNotifier.Lambda;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Resilience;
using CloudTrailNotifier.State;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.EndToEnd.Folding;

/// <summary>
/// What each kind of event costs in DynamoDB calls, counted on the wire against moto through the SDK client the
/// function builds (the figures README's cost table gives), and the order that keeps duplicates safe.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class StateCallsTests : IDisposable
{
    private static readonly string Sample = Encoding.UTF8.GetString(RepositoryFiles.SampleEvent);
    private readonly MotoServer moto;
    private readonly CountingHandler _wire = new();
    private readonly HttpClient _http;

    public StateCallsTests(MotoServer moto)
    {
        this.moto = moto;
        _http = new HttpClient(_wire);
    }

    [Fact]
    public async Task A_first_event_costs_four_calls_a_folded_one_four_and_a_duplicate_one()
    {
        var (sink, published) = await SinkAsync("calls-kinds", RecordingSink.Publishing("m-1"));

        var first = await sink.DeliverAsync(Notify("c-1"), Invocation("c-1"), CancellationToken.None);
        var firstCalls = _wire.Take();
        var folded = await sink.DeliverAsync(Notify("c-2"), Invocation("c-2"), CancellationToken.None);
        var foldedCalls = _wire.Take();
        var duplicate = await sink.DeliverAsync(Notify("c-1"), Invocation("c-1"), CancellationToken.None);
        var duplicateCalls = _wire.Take();

        Assert.Equal((InvocationResultKind.Published, "recorded"), (first.Kind, first.StateStore));
        Assert.Equal(["PutItem", "UpdateItem", "UpdateItem", "PutItem"], firstCalls); // claim, open window, rate counter, done
        Assert.Equal(InvocationResultKind.Folded, folded.Kind);
        Assert.Equal(["PutItem", "UpdateItem", "PutItem", "PutItem"], foldedCalls); // claim, open refused (returns the group), fold, done
        Assert.Equal(InvocationResultKind.Duplicate, duplicate.Kind);
        Assert.Equal(["PutItem"], duplicateCalls); // the refused claim returns the "done" item: no read
        Assert.Single(published.Received);
    }

    [Fact]
    public async Task A_publish_that_fails_leaves_the_event_retryable_and_a_publish_that_succeeded_is_never_repeated()
    {
        var (failing, _) = await SinkAsync("calls-retry", RecordingSink.Throwing(new HttpRequestException("SNS down")));
        await Assert.ThrowsAsync<HttpRequestException>(() => failing.DeliverAsync(Notify("r-1"), Invocation("r-1"), CancellationToken.None));
        Assert.Equal(["PutItem", "UpdateItem", "UpdateItem", "DeleteItem"], _wire.Take()); // the claim is given back

        var (healthy, published) = await SinkAsync("calls-retry", RecordingSink.Publishing("m-2"), create: false);
        var retried = await healthy.DeliverAsync(Notify("r-1"), Invocation("r-1"), CancellationToken.None);
        var retriedCalls = _wire.Take();
        var again = await healthy.DeliverAsync(Notify("r-1"), Invocation("r-1"), CancellationToken.None);

        // The failed attempt had opened the group's window for this very event; Lambda's retry is neither a duplicate
        // nor a repeat of its own window: it is sent at once, as a first event. Its second delivery is a duplicate.
        Assert.Equal(InvocationResultKind.Published, retried.Kind);
        Assert.Equal(["PutItem", "UpdateItem", "UpdateItem", "PutItem", "PutItem"], retriedCalls); // claim, open refused, rate, write, done
        Assert.Equal(InvocationResultKind.Duplicate, again.Kind);
        var store = StateTable.Store(moto, "calls-retry-state");
        var group = await store.ReadGroupAsync(FoldEventReader.Read(Event("r-1"))!.GroupKey, null, CancellationToken.None);
        Assert.Equal((0, "r-1"), (group!.Folded, group.OpenedBy));
        Assert.Single(published.Received);
    }

    [Fact]
    public async Task Opening_a_window_is_refused_while_one_is_open_and_the_refusal_returns_the_group()
    {
        var table = await StateTable.CreateAsync(moto, "calls-open-state");
        var store = StateTable.Store(moto, table);
        var evt = FoldEventReader.Read(Event("o-1"))!;
        var now = DateTimeOffset.UtcNow;

        var opened = await store.OpenGroupAsync(FoldDecider.Opened(evt, now, TimeSpan.FromMinutes(15)), now, null, CancellationToken.None);
        var again = await store.OpenGroupAsync(FoldDecider.Opened(evt, now.AddMinutes(1), TimeSpan.FromMinutes(15)), now.AddMinutes(1), null, CancellationToken.None);
        var later = await store.OpenGroupAsync(FoldDecider.Opened(evt, now.AddMinutes(16), TimeSpan.FromMinutes(15)), now.AddMinutes(16), null, CancellationToken.None);

        Assert.True(opened.Written);
        Assert.Equal(1, opened.Current!.Version);
        Assert.False(again.Written);
        Assert.Equal((1L, now.AddMinutes(15).ToUnixTimeMilliseconds()), (again.Current!.Version, again.Current.WindowEnd.ToUnixTimeMilliseconds()));
        Assert.True(later.Written); // the window has ended and nothing was folded: a new first event
        Assert.Equal(2, later.Current!.Version);
    }

    [Fact]
    public async Task A_versioned_write_that_loses_returns_the_winner()
    {
        var table = await StateTable.CreateAsync(moto, "calls-version-state");
        var store = StateTable.Store(moto, table);
        var evt = FoldEventReader.Read(Event("v-1"))!;
        var now = DateTimeOffset.UtcNow;
        var state = FoldDecider.Decide(null, evt, now, TimeSpan.FromMinutes(15), rateAllows: true).NewState;

        var winner = await store.WriteGroupAsync(state with { Folded = 7 }, 0, null, CancellationToken.None);
        var loser = await store.WriteGroupAsync(state with { Folded = 9 }, 0, null, CancellationToken.None);

        Assert.True(winner.Written);
        Assert.False(loser.Written);
        Assert.Equal((1L, 7), (loser.Current!.Version, loser.Current.Folded));
    }

    [Fact]
    public async Task A_claim_holds_until_its_invocation_s_deadline_and_a_little_then_a_retry_takes_the_event_over()
    {
        var table = await StateTable.CreateAsync(moto, "calls-claim-state");
        var store = StateTable.Store(moto, table);
        var now = DateTimeOffset.UtcNow;
        var deadline = now.AddSeconds(30);

        var first = await store.ClaimEventAsync("k-1", now, deadline, CancellationToken.None);
        var meanwhile = await store.ClaimEventAsync("k-1", deadline.AddSeconds(5), deadline.AddSeconds(35), CancellationToken.None);
        var retry = await store.ClaimEventAsync("k-1", deadline.AddSeconds(11), deadline.AddSeconds(41), CancellationToken.None);
        var noDeadline = await store.ClaimEventAsync("k-2", now, null, CancellationToken.None);
        var tooEarly = await store.ClaimEventAsync("k-2", now.AddMinutes(14), null, CancellationToken.None);

        Assert.Equal((ClaimResult.Claimed, ClaimResult.InProgress, ClaimResult.Claimed), (first, meanwhile, retry));
        Assert.Equal((ClaimResult.Claimed, ClaimResult.InProgress), (noDeadline, tooEarly)); // without a deadline: 15 minutes
        Assert.Equal(now.AddMinutes(15), DynamoStateStore.ClaimUntil(now, now.AddHours(1)));
        Assert.Equal(now.AddSeconds(10), DynamoStateStore.ClaimUntil(now, now.AddSeconds(-30)));
    }

    [Fact]
    public async Task The_rate_counter_refuses_exactly_what_the_pure_rule_refuses_and_the_refusal_returns_the_minute()
    {
        var table = await StateTable.CreateAsync(moto, "calls-rate-state");
        var store = StateTable.Store(moto, table);
        var minute = new DateTimeOffset(2026, 12, 1, 10, 3, 0, TimeSpan.Zero);
        const int limit = 7; // a share of 2 per principal
        var sent = new Dictionary<string, long>(StringComparer.Ordinal);
        var taken = new List<string>();
        foreach (var (who, i) in "aaabbbcccddd".Select((c, i) => (c.ToString(), i)))
        {
            var key = FoldDecider.PrincipalKey("arn:aws:iam::111122223333:role/" + who);
            var model = new RateMinute(sent.Values.Sum(), new Dictionary<string, long>(sent, StringComparer.Ordinal));

            var take = await store.TakeRateSlotAsync(minute.AddSeconds(i), key, limit, null, CancellationToken.None);

            Assert.Equal(FoldDecider.RateAllows(model, key, limit), take.Taken);
            if (take.Taken)
            {
                sent[key] = model.Of(key) + 1;
                taken.Add(who);
                Assert.Null(take.Minute);
            }
            else
            {
                Assert.Equal(model.Sent, take.Minute!.Sent);
                Assert.Equal(model.ByPrincipal.OrderBy(p => p.Key), take.Minute.ByPrincipal.OrderBy(p => p.Key));
            }
        }

        Assert.Equal("aabbccd", string.Concat(taken)); // two each, then the limit of 7: the last d is held back by the total
        Assert.True((await store.TakeRateSlotAsync(minute.AddMinutes(1), FoldDecider.PrincipalKey("arn:aws:iam::111122223333:role/a"), limit,
            null, CancellationToken.None)).Taken); // a new minute, a new count
    }

    [Fact]
    public void Without_an_endpoint_the_client_resolves_DynamoDB_in_the_region()
    {
        using var client = DynamoDbClients.Create(_http, moto.Credentials, null, "ap-northeast-1", TimeSpan.FromSeconds(2));

        var endpoint = client.DetermineServiceOperationEndpoint(new GetItemRequest { TableName = "t", Key = DynamoItems.Key("k") });

        Assert.Equal("https://dynamodb.ap-northeast-1.amazonaws.com", endpoint.URL.TrimEnd('/'));
    }

    public void Dispose() => _http.Dispose();

    private async Task<(NoiseControlSink Sink, RecordingSink Inner)> SinkAsync(string name, RecordingSink inner, bool create = true)
    {
        var table = create ? await StateTable.CreateAsync(moto, name + "-state") : name + "-state";
        var client = DynamoDbClients.Create(_http, moto.Credentials, moto.Endpoint, MotoServer.Region, TimeSpan.FromSeconds(2));
        var calls = new DynamoDbCalls(client, new RetryStrategy(RetryStrategyOptions.StateStore(() => 0.1), TimeProvider.System), TimeProvider.System);
        var settings = new FoldingSettings(table, TimeSpan.FromMinutes(15), 30, moto.Endpoint, MotoServer.Region);
        _wire.Take();
        return (new NoiseControlSink(inner, new DynamoStateStore(calls, table), settings, RenderOptions.Default, TimeProvider.System), inner);
    }

    private static Notification Notify(string eventId) => new Notifier(RenderOptions.Default, FoldEventReader.Read).Notify(Event(eventId));

    private static Invocation Invocation(string eventId) => new("req-" + eventId, DateTimeOffset.UtcNow.AddSeconds(30), null, Event(eventId));

    private static byte[] Event(string eventId) =>
        Encoding.UTF8.GetBytes(Sample.Replace("903caaaa-7777-4444-9999-example", eventId, StringComparison.Ordinal));
}

using System.Text;
using CloudTrailNotifier.Folding;
using CloudTrailNotifier.Lambda;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CloudTrailNotifier.Tests.Folding;

/// <summary>
/// The sink in front of the real one, over a scripted store: what it folds is the redacted event's, a hostile event folds
/// like any other, and a failure anywhere in folding sends the event on its own (never lost, never held back).
/// </summary>
public sealed class NoiseControlSinkTests
{
    private static readonly string Sample = Encoding.UTF8.GetString(RepositoryFiles.SampleEvent);
    private static readonly RenderOptions Options = RenderOptions.Default with { ChatCards = true };
    private static readonly byte[] Sweep = """{"id":"sweep","detail-type":"Scheduled Event","source":"aws.events","detail":{}}"""u8.ToArray();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2023, 11, 24, 8, 30, 0, TimeSpan.Zero));
    private readonly Notifier _notifier = new(Options, FoldEventReader.Read);

    [Fact]
    public async Task A_digest_of_events_whose_user_agent_carries_secrets_stores_and_shows_them_redacted()
    {
        var store = new ScriptedStateStore();
        var inner = RecordingSink.Publishing("m-1");
        var sink = Sink(inner, store);
        foreach (var id in (string[])["aaaa0000-0000-0000-0000-000000000001", "aaaa0000-0000-0000-0000-000000000002", "aaaa0000-0000-0000-0000-000000000003"])
        {
            await DeliverAsync(sink, Event(id, agent: FoldEventReaderTests.SecretAgent));
        }

        var group = Assert.Single(store.Groups.Values);
        Assert.Equal(2, group.Folded);
        _clock.Advance(TimeSpan.FromMinutes(16));
        await sink.DeliverAsync(_notifier.Notify(Sweep), new Invocation("sweep", null, null, Sweep), CancellationToken.None);

        var digest = inner.Received.Last().Notification;
        Assert.StartsWith("Digest: 2 more", digest.Subject, StringComparison.Ordinal);
        var shown = string.Join('\n', group.UserAgents.Concat(group.Addresses).Concat(group.EventIds)
            .Append(group.Identity.ToString()).Append(digest.Subject).Append(digest.Message).Append(digest.ChatCard));
        Assert.DoesNotContain("Hunter2", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("ghp_", shown, StringComparison.Ordinal);
        Assert.Contains("User agents: deploy-bot/1.0 (Authorization: [redacted: 48 characters]", digest.Message, StringComparison.Ordinal);
        Assert.Contains("[redacted: 48 characters]", digest.ChatCard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_with_half_a_surrogate_pair_in_its_resource_folds_like_any_other()
    {
        var store = new ScriptedStateStore();
        var inner = RecordingSink.Publishing("m-1");
        var sink = Sink(inner, store);
        var hostile = Sample.Replace("\"arn:aws:secretsmanager:ap-northeast-1:111111111111:secret:sample/secret-wPvfcr\"", "\"\\ud800prod\"", StringComparison.Ordinal);

        var first = await DeliverAsync(sink, Encoding.UTF8.GetBytes(hostile));
        var second = await DeliverAsync(sink, Encoding.UTF8.GetBytes(hostile.Replace("903caaaa-7777-4444-9999-example", "e-2", StringComparison.Ordinal)));

        Assert.Equal((InvocationResultKind.Published, "recorded"), (first.Kind, first.StateStore));
        Assert.Equal(InvocationResultKind.Folded, second.Kind);
        Assert.Equal("secretId=\\ud800prod", Assert.Single(store.Groups.Values).Identity.Resource);
    }

    [Theory]
    [InlineData("Claim")]
    [InlineData("Open")]
    [InlineData("Rate")]
    [InlineData("Write")]
    public async Task Any_failure_in_folding_sends_the_event_on_its_own_and_says_so_without_its_message(string failingCall)
    {
        string? failAt = null;
        var store = new ScriptedStateStore(call => call == failAt ? new InvalidOperationException("secret-looking message Hunter2") : null);
        var inner = RecordingSink.Publishing("m-1");
        var sink = Sink(inner, store);
        if (failingCall == "Write")
        {
            await DeliverAsync(sink, Event("e-1")); // opens the window: the next event folds, and writes its group
            inner.Received.Clear();
        }

        failAt = failingCall;
        var delivery = await DeliverAsync(sink, Event("e-2"));

        Assert.Equal((InvocationResultKind.Published, "skipped"), (delivery.Kind, delivery.StateStore));
        Assert.Single(inner.Received);
        Assert.Contains("folding failed (InvalidOperationException)", delivery.Note, StringComparison.Ordinal);
        Assert.DoesNotContain("Hunter2", delivery.Note, StringComparison.Ordinal);
        Assert.Equal(failingCall == "Claim" ? null : "done", store.Events.GetValueOrDefault("e-2"));
    }

    [Theory]
    [InlineData("Done")]
    [InlineData("Release")]
    public async Task Bookkeeping_that_fails_after_the_decision_never_fails_the_invocation(string failingCall)
    {
        var store = new ScriptedStateStore(call => call == failingCall ? new ArgumentException("boom") : null);
        var inner = failingCall == "Release" ? RecordingSink.Throwing(new HttpRequestException("SNS down")) : RecordingSink.Publishing("m-1");
        var sink = Sink(inner, store);

        if (failingCall == "Release")
        {
            // The publish failed: its own error is what the invocation reports (Lambda retries), not the store's.
            await Assert.ThrowsAsync<HttpRequestException>(() => DeliverAsync(sink, Event("e-1")));
            return;
        }

        var delivery = await DeliverAsync(sink, Event("e-1"));
        Assert.Equal((InvocationResultKind.Published, "skipped"), (delivery.Kind, delivery.StateStore));
    }

    [Fact]
    public async Task A_notification_without_fold_facts_is_sent_on_its_own_without_touching_the_store()
    {
        var store = new ScriptedStateStore();
        var inner = RecordingSink.Publishing("m-1");

        var delivery = await Sink(inner, store).DeliverAsync(new Notifier(Options).Notify(Event("e-1")), Invocation(Event("e-1")), CancellationToken.None);

        Assert.Equal(InvocationResultKind.Published, delivery.Kind);
        Assert.Single(inner.Received);
        Assert.Empty(store.Calls);
    }

    [Theory]
    [InlineData(true, true, "true")]
    [InlineData(true, false, "false")]
    [InlineData(false, true, "false")]
    public async Task A_digest_s_readOnly_and_severity_are_those_of_the_events_it_folds(bool firstFoldedReadOnly, bool secondFoldedReadOnly, string readOnly)
    {
        var store = new ScriptedStateStore();
        var inner = RecordingSink.Publishing("m-1");
        var sink = Sink(inner, store);
        await DeliverAsync(sink, Event("e-1"));
        await DeliverAsync(sink, Event("e-2", readOnly: firstFoldedReadOnly));
        await DeliverAsync(sink, Event("e-3", readOnly: secondFoldedReadOnly));

        _clock.Advance(TimeSpan.FromMinutes(16));
        await sink.DeliverAsync(_notifier.Notify(Sweep), new Invocation("sweep", null, null, Sweep), CancellationToken.None);

        var digest = inner.Received.Last().Notification;
        Assert.Equal(readOnly, digest.Attributes.Single(a => a.Name == "readOnly").Value);
        Assert.Equal("notice", digest.Attributes.Single(a => a.Name == "severity").Value); // GetSecretValue is notice, read or not
    }

    [Fact]
    public async Task A_flood_from_one_principal_folds_its_own_first_events_and_another_principal_s_first_event_is_still_sent()
    {
        var store = new ScriptedStateStore();
        var inner = RecordingSink.Publishing("m-1");
        var sink = Sink(inner, store); // 30 a minute: a third, 10, per principal
        for (var i = 0; i < 30; i++)
        {
            await DeliverAsync(sink, Event($"flood-{i}", eventName: $"DescribeThing{i}", issuer: "arn:aws:iam::111111111111:role/scanner"));
        }

        var reader = await DeliverAsync(sink, Event("reader-1"));

        Assert.Equal((InvocationResultKind.Published, "recorded"), (reader.Kind, reader.StateStore));
        Assert.Equal(11, inner.Received.Count);
        Assert.Equal(20, store.Groups.Values.Count(g => g.RateGuardOwn && g.Folded == 1));
        _clock.Advance(TimeSpan.FromMinutes(16));
        await sink.DeliverAsync(_notifier.Notify(Sweep), new Invocation("sweep", null, null, Sweep), CancellationToken.None);
        var digests = inner.Received.Skip(11).Select(r => r.Notification).ToList();
        Assert.Equal(20, digests.Count);
        Assert.All(digests, d => Assert.Contains("rate guard acted: this principal had more first events in a minute than its share", d.Message, StringComparison.Ordinal));
        Assert.All(digests, d => Assert.Contains("Who: arn:aws:iam::111111111111:role/scanner", d.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_colleague_s_call_through_the_same_SSO_role_is_sent_at_once_and_each_digest_names_who_made_its_calls()
    {
        var store = new ScriptedStateStore();
        var inner = RecordingSink.Publishing("m-1");
        var sink = Sink(inner, store);
        const string sso = "aws-reserved/sso.amazonaws.com/";
        var alice = FoldCallersTests.Role("AWSReservedSSO_Admin_abc", "alice@example.com", sso);
        var mallory = FoldCallersTests.Role("AWSReservedSSO_Admin_abc", "mallory@example.com", sso);
        var results = new List<InvocationResultKind>();
        foreach (var (who, id) in (IEnumerable<(string, string)>)[(alice, "a-1"), (mallory, "m-1"), (alice, "a-2"), (mallory, "m-2"), (alice, "a-3")])
        {
            results.Add((await DeliverAsync(sink, Read(who, id))).Kind);
        }

        var instances = (string[])["i-0a1b2c3d4e5f60718", "i-0f9e8d7c6b5a40312", "i-0123456789abcdef0"];
        foreach (var instance in instances)
        {
            results.Add((await DeliverAsync(sink, Read(FoldCallersTests.Role("orders-worker", instance), "w-" + instance))).Kind);
        }

        Assert.Equal([InvocationResultKind.Published, InvocationResultKind.Published, InvocationResultKind.Folded, InvocationResultKind.Folded,
            InvocationResultKind.Folded, InvocationResultKind.Published, InvocationResultKind.Folded, InvocationResultKind.Folded], results);
        _clock.Advance(TimeSpan.FromMinutes(16));
        await sink.DeliverAsync(_notifier.Notify(Sweep), new Invocation("sweep", null, null, Sweep), CancellationToken.None);
        var digests = inner.Received.Skip(3).Select(r => r.Notification).ToList();

        Assert.Equal(3, digests.Count);
        var ofAlice = Assert.Single(digests, d => d.Message.Contains("AWSReservedSSO_Admin_abc (alice@example[.]com)", StringComparison.Ordinal));
        Assert.Contains("\nSessions: alice@example[.]com\n", ofAlice.Message, StringComparison.Ordinal);
        var ofMallory = Assert.Single(digests, d => d.Message.Contains("Who: arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws[.]com/AWSReservedSSO_Admin_abc (mallory@example[.]com)\n", StringComparison.Ordinal));
        Assert.Contains("\nSessions: mallory@example[.]com\n", ofMallory.Message, StringComparison.Ordinal);
        Assert.Contains("`mallory@example[.]com`", ofMallory.ChatCard, StringComparison.Ordinal);
        Assert.DoesNotContain("alice", ofMallory.Message, StringComparison.Ordinal);
        var ofWorkers = Assert.Single(digests, d => d.Message.Contains("Who: arn:aws:iam::111111111111:role/orders-worker\n", StringComparison.Ordinal));
        Assert.Contains("Sessions: i-0f9e8d7c6b5a40312, i-0123456789abcdef0\n", ofWorkers.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sweep_sends_at_most_the_rate_guard_s_limit_of_digests_and_the_next_sweep_the_next_ones()
    {
        var store = new ScriptedStateStore();
        var inner = RecordingSink.Publishing("m-1");
        var sink = Sink(inner, store, perMinute: 3); // a share of one first event a minute per principal
        for (var i = 0; i < 8; i++)
        {
            await DeliverAsync(sink, Event($"flood-{i}", eventName: $"DescribeThing{i}", issuer: "arn:aws:iam::111111111111:role/scanner"));
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        _clock.Advance(TimeSpan.FromMinutes(16));
        var first = await sink.DeliverAsync(_notifier.Notify(Sweep), new Invocation("sweep-1", null, null, Sweep), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(1)); // sweeps run a minute apart, each minute with a budget of its own
        var second = await sink.DeliverAsync(_notifier.Notify(Sweep), new Invocation("sweep-2", null, null, Sweep), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var third = await sink.DeliverAsync(_notifier.Notify(Sweep), new Invocation("sweep-3", null, null, Sweep), CancellationToken.None);

        Assert.Equal(("digests:3", "digests:3", "digests:1"), (first.StateStore, second.StateStore, third.StateStore));
        Assert.Equal("4 due digests left for the next sweep (at most 3 a sweep)", first.Note);
        var digests = inner.Received.Skip(1).Select(r => r.Notification.Attributes.Single(a => a.Name == "eventName").Value).ToList();
        Assert.Equal(Enumerable.Range(1, 7).Select(i => $"DescribeThing{i}"), digests); // oldest first, each once
    }

    private static byte[] Read(string userIdentity, string eventId) =>
        Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(FoldCallersTests.Event(userIdentity, eventId, "GetSecretValue"))
            .Replace("\"readOnly\": false", "\"readOnly\": true", StringComparison.Ordinal));

    private NoiseControlSink Sink(RecordingSink inner, ScriptedStateStore store, int perMinute = 30) =>
        new(inner, store, new FoldingSettings("state", TimeSpan.FromMinutes(15), perMinute, null, "us-east-1"), Options, _clock);

    private Task<Delivery> DeliverAsync(NoiseControlSink sink, byte[] bytes) =>
        sink.DeliverAsync(_notifier.Notify(bytes), Invocation(bytes), CancellationToken.None);

    private static Invocation Invocation(byte[] bytes) => new("req", null, null, bytes);

    private static byte[] Event(string eventId, string? agent = null, bool readOnly = true, string? eventName = null, string? issuer = null)
    {
        var json = Sample.Replace("903caaaa-7777-4444-9999-example", eventId, StringComparison.Ordinal)
            .Replace("\"GetSecretValue\"", "\"" + (eventName ?? "GetSecretValue") + "\"", StringComparison.Ordinal)
            .Replace("arn:aws:iam::111111111111:role/cm-kawahara.masahiro", issuer ?? "arn:aws:iam::111111111111:role/cm-kawahara.masahiro", StringComparison.Ordinal)
            .Replace("\"readOnly\": true", readOnly ? "\"readOnly\": true" : "\"readOnly\": false", StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(agent is null ? json : FoldEventReaderTests.ReplaceValue(json, "userAgent", agent));
    }
}

using System.Text;
using CloudTrailNotifier.Folding;
using CloudTrailNotifier.Lambda;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CloudTrailNotifier.Tests.Folding;

/// <summary>
/// Who a digest names, through the sink over a scripted store (the review's D1 and D2): a session that sets someone
/// else's source identity is its own group and is named, and a person in a fleet's group is named however many calls folded first.
/// </summary>
public sealed class NoiseControlSessionsTests
{
    private static readonly RenderOptions Options = RenderOptions.Default with { ChatCards = true };
    private static readonly byte[] Sweep = """{"id":"sweep","detail-type":"Scheduled Event","source":"aws.events","detail":{}}"""u8.ToArray();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 14, 10, 21, 0, TimeSpan.Zero));
    private readonly Notifier _notifier = new(Options, FoldEventReader.Read);

    [Fact]
    public async Task A_session_that_sets_someone_else_s_source_identity_is_sent_at_once_and_its_digest_names_the_session()
    {
        // The review's fold-alice-sourceid.json, then fold-mallory-sourceid-alice.json, each twice.
        var store = new ScriptedStateStore();
        var inner = RecordingSink.Publishing("m-1");
        var sink = Sink(inner, store);
        const string sourceAlice = """, "sourceIdentity": "alice" """;
        var alice = FoldCallersTests.Role("orders-worker", "alice", extra: sourceAlice);
        var mallory = FoldCallersTests.Role("orders-worker", "mallory", extra: sourceAlice);
        var results = new List<InvocationResultKind>();
        foreach (var (who, id) in (IEnumerable<(string, string)>)[(alice, "a-1"), (mallory, "m-1"), (alice, "a-2"), (mallory, "m-2")])
        {
            results.Add((await DeliverAsync(sink, Read(who, id))).Kind);
        }

        Assert.Equal([InvocationResultKind.Published, InvocationResultKind.Published, InvocationResultKind.Folded, InvocationResultKind.Folded], results);
        _clock.Advance(TimeSpan.FromMinutes(16));
        await sink.DeliverAsync(_notifier.Notify(Sweep), new Invocation("sweep", null, null, Sweep), CancellationToken.None);
        var ofMallory = Assert.Single(inner.Received.Skip(2), r => r.Notification.Message.Contains("mallory", StringComparison.Ordinal)).Notification;
        Assert.Contains("\nWho: arn:aws:iam::111111111111:role/orders-worker (mallory, sourceIdentity alice)\n", ofMallory.Message, StringComparison.Ordinal);
        Assert.Contains("\nSessions: mallory, sourceIdentity alice\n", ofMallory.Message, StringComparison.Ordinal);
        Assert.Contains("`mallory, sourceIdentity alice`", ofMallory.ChatCard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_whose_session_name_looks_program_made_is_named_in_the_fleet_s_digest_however_many_calls_folded_first()
    {
        // The review's fold-fleet-0..4.json (and a sixth fleet session), then fold-mallory-machine-name.json.
        var store = new ScriptedStateStore();
        var inner = RecordingSink.Publishing("m-1");
        var sink = Sink(inner, store);
        var fleet = (string[])["ecs-task-3f9a1c2b4d5e6f708192a3b4c5d6e7f8", "3f0c2b7a-9e8d-4c1f-a5b6-e7d8c9a0b1c2", "i-0a1b2c3d4e5f60718",
            "botocore-session-1733112000", "worker-1733112500", "i-0f9e8d7c6b5a40312"];
        foreach (var session in fleet.Append("mallory-1733112999"))
        {
            await DeliverAsync(sink, Read(FoldCallersTests.Role("orders-worker", session), "e-" + session));
        }

        Assert.Equal(6, Assert.Single(store.Groups.Values).Folded);
        _clock.Advance(TimeSpan.FromMinutes(16));
        await sink.DeliverAsync(_notifier.Notify(Sweep), new Invocation("sweep", null, null, Sweep), CancellationToken.None);
        var digest = inner.Received.Last().Notification;
        Assert.StartsWith("Digest: 6 more", digest.Subject, StringComparison.Ordinal);
        Assert.Contains("\nSessions: 3f0c2b7a-9e8d-4c1f-a5b6-e7d8c9a0b1c2, i-0a1b2c3d4e5f60718, botocore-session-1733112000, worker-1733112500, i-0f9e8d7c6b5a40312, mallory-1733112999\n",
            digest.Message, StringComparison.Ordinal);
        Assert.Contains("`mallory-1733112999`", digest.ChatCard, StringComparison.Ordinal);
    }

    private static byte[] Read(string userIdentity, string eventId) =>
        Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(FoldCallersTests.Event(userIdentity, eventId, "GetSecretValue"))
            .Replace("\"readOnly\": false", "\"readOnly\": true", StringComparison.Ordinal));

    private NoiseControlSink Sink(RecordingSink inner, ScriptedStateStore store) =>
        new(inner, store, new FoldingSettings("state", TimeSpan.FromMinutes(15), 30, null, "us-east-1"), Options, _clock);

    private Task<Delivery> DeliverAsync(NoiseControlSink sink, byte[] bytes) =>
        sink.DeliverAsync(_notifier.Notify(bytes), new Invocation("req", null, null, bytes), CancellationToken.None);
}

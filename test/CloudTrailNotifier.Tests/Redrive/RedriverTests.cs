using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Redrive;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Sns;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Redrive;

public sealed class RedriverTests
{
    private readonly Notifier _notifier = new(new RenderOptions(NotificationLanguage.English, TimeZoneInfo.Utc));
    private readonly RecordingRedriveReport _report = new();

    [Fact]
    public async Task Each_message_is_deleted_only_after_its_notification_was_published()
    {
        var queue = Queue(("a", DeadLetters.FailureRecord(Event("a")), null), ("b", Event("b"), DeadLetters.RuleAttributes()));
        var published = new List<Notification>();

        var summary = await Run(queue, Publisher(queue, published), new RedriveOptions(DryRun: false));

        Assert.Equal(new RedriveSummary(2, 0, 0, 0, 0, null), summary);
        Assert.Empty(queue.Remaining);
        var log = queue.Log.Where(l => !l.StartsWith("receive", StringComparison.Ordinal)).ToList();
        Assert.Equal(["publish a", "publish b", "delete a", "delete b"], log);
        Assert.Equal([Expected("a"), Expected("b")], published.Select(n => PublishRequestJson.Write(n)));
    }

    [Fact]
    public async Task A_message_with_no_event_stays_in_the_queue_visible_again_and_is_reported_by_id_only()
    {
        var queue = Queue(("bad", "AKIAIOSFODNN7EXAMPLE secret", null), ("good", Event("good"), null));

        var summary = await Run(queue, Publisher(queue, []), new RedriveOptions(DryRun: false));

        Assert.Equal((1, 1), (summary.Published, summary.Left));
        Assert.Equal(["bad"], queue.Remaining);
        Assert.Empty(queue.Hidden);
        var left = Assert.Single(_report.Lines, l => l.StartsWith("left", StringComparison.Ordinal));
        Assert.StartsWith("left bad: the body is not JSON", left, StringComparison.Ordinal);
        Assert.DoesNotContain("AKIA", string.Join('\n', _report.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_failed_publish_stops_the_run_and_every_message_not_published_stays()
    {
        var queue = Queue(("a", Event("a"), null), ("b", Event("b"), null), ("c", Event("c"), null), ("d", Event("d"), null));

        var summary = await Run(queue, Publisher(queue, [], failOn: "b"), new RedriveOptions(DryRun: false));

        Assert.Equal((1, 1, 0), (summary.Published, summary.Failed, summary.Left));
        Assert.NotNull(summary.Stopped);
        Assert.Equal(["b", "c", "d"], queue.Remaining);
        Assert.Empty(queue.Hidden);
        Assert.DoesNotContain("publish c", queue.Log);
        Assert.Contains("failed b: NotFound", _report.Lines);
        Assert.EndsWith("; stopped: a publish failed; the messages not yet tried stay in the queue", summary.Line(dryRun: false), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_renders_every_message_and_deletes_none()
    {
        var queue = Queue(("a", DeadLetters.FailureRecord(Event("a")), null), ("b", Event("b"), DeadLetters.LambdaAttributes()), ("c", "{", null));

        var summary = await Run(queue, publish: null, new RedriveOptions(DryRun: true));

        Assert.Equal(new RedriveSummary(0, 2, 1, 0, 0, null), summary);
        Assert.Equal(["a", "b", "c"], queue.Remaining);
        Assert.Empty(queue.Hidden);
        Assert.DoesNotContain(queue.Log, l => l.StartsWith("delete", StringComparison.Ordinal));
        Assert.Equal([Expected("a"), Expected("b")], _report.Rendered.Select(n => PublishRequestJson.Write(n)));
        Assert.Equal("redrive: 0 published (dry run: 2 rendered, nothing deleted), 1 left, 0 failed", summary.Line(dryRun: true));
    }

    [Fact]
    public async Task A_message_seen_again_after_its_visibility_timeout_is_not_handled_twice()
    {
        var queue = new InMemoryDeadLetterQueue { RedeliverHidden = true };
        queue.Add(DeadLetters.Message("bad", "not json"));
        queue.Add(DeadLetters.Message("good", Event("good")));

        var summary = await Run(queue, Publisher(queue, []), new RedriveOptions(DryRun: false));

        Assert.Equal((1, 1), (summary.Published, summary.Left));
        Assert.Single(_report.Lines, l => l.StartsWith("left bad", StringComparison.Ordinal));
        // The newest receipt is the one released.
        Assert.Equal("release bad", queue.Log[^1]);
    }

    [Fact]
    public async Task Max_messages_stops_after_that_many_and_leaves_the_rest_untouched()
    {
        var queue = Queue(Enumerable.Range(0, 25).Select(i => ($"m{i:00}", Event($"m{i:00}"), (Dictionary<string, string>?)null)).ToArray());

        var summary = await Run(queue, Publisher(queue, []), new RedriveOptions(DryRun: false, MaxMessages: 12));

        Assert.Equal(12, summary.Published);
        Assert.Equal(13, queue.Remaining.Count);
        Assert.Equal(["receive 10", "receive 2"], queue.Log.Where(l => l.StartsWith("receive", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Progress_is_reported_every_so_many_messages()
    {
        var queue = Queue(Enumerable.Range(0, 25).Select(i => ($"m{i:00}", Event($"m{i:00}"), (Dictionary<string, string>?)null)).ToArray());

        await Run(queue, Publisher(queue, []), new RedriveOptions(DryRun: false, ProgressEvery: 10));

        Assert.Equal(["progress 10", "progress 20"], _report.Lines.Where(l => l.StartsWith("progress", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_queue_that_cannot_be_read_is_one_problem_and_a_stop()
    {
        var queue = new InMemoryDeadLetterQueue { ReceiveFailure = "AccessDenied: not allowed" };

        var summary = await Run(queue, Publisher(queue, []), new RedriveOptions(DryRun: false));

        Assert.Equal(1, summary.QueueProblems);
        Assert.Equal("the queue could not be read", summary.Stopped);
        Assert.Contains("queue: cannot receive from the queue: AccessDenied: not allowed", _report.Lines);
    }

    [Fact]
    public async Task An_interrupted_run_still_releases_what_it_hid()
    {
        var queue = Queue(("bad", "not json", null), ("a", Event("a"), null));
        using var cancel = new CancellationTokenSource();

        var summary = await new Redriver(queue, _notifier, (_, token) =>
        {
            cancel.Cancel();
            token.ThrowIfCancellationRequested();
            return Task.FromResult(new PublishReceipt("x", null, 1));
        }, _report, new RedriveOptions(DryRun: false)).RunAsync(cancel.Token);

        Assert.Equal("interrupted", summary.Stopped);
        Assert.Equal(["bad", "a"], queue.Remaining);
        Assert.Empty(queue.Hidden);
    }

    private string Expected(string id) => PublishRequestJson.Write(_notifier.Notify(System.Text.Encoding.UTF8.GetBytes(Event(id))));

    private Task<RedriveSummary> Run(InMemoryDeadLetterQueue queue, Func<Notification, CancellationToken, Task<PublishReceipt>>? publish, RedriveOptions options) =>
        new Redriver(queue, _notifier, publish, _report, options).RunAsync(CancellationToken.None);

    private static InMemoryDeadLetterQueue Queue(params (string Id, string Body, Dictionary<string, string>? Attributes)[] messages)
    {
        var queue = new InMemoryDeadLetterQueue();
        foreach (var (id, body, attributes) in messages)
        {
            queue.Add(DeadLetters.Message(id, body, attributes));
        }

        return queue;
    }

    /// <summary>The seed event with an event ID of its own, so a published notification tells which message it came from.</summary>
    private static string Event(string id) =>
        System.Text.Encoding.UTF8.GetString(TestEvents.SeedWith(d => d["eventID"] = EventId(id)));

    private static string EventId(string id) => new Guid(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(id))).ToString();

    /// <summary>Publishes, logging which message it was by the event ID in the notification; fails for <paramref name="failOn"/>.</summary>
    private static Func<Notification, CancellationToken, Task<PublishReceipt>> Publisher(InMemoryDeadLetterQueue queue, List<Notification> published, string? failOn = null) =>
        (notification, _) =>
        {
            var id = queue.Remaining.Single(m => notification.Message.Contains(EventId(m), StringComparison.Ordinal));
            queue.Log.Add($"publish {id}");
            if (id == failOn)
            {
                throw new SnsPublishException(new SnsFailure(SnsFailureKind.Refused, "NotFound", 404, "Topic does not exist"), "Topic does not exist", 1);
            }

            published.Add(notification);
            return Task.FromResult(new PublishReceipt("sns-" + id, null, 1));
        };
}

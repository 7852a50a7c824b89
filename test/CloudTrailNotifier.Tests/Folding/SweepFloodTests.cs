using System.Globalization;
using System.Text;
using CloudTrailNotifier.Folding;
using CloudTrailNotifier.Lambda;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CloudTrailNotifier.Tests.Folding;

/// <summary>
/// A flood of calls folding into a group while the sweep records the digest it just sent: every fold refuses the
/// sweep's versioned write, and the sweep writes again on what the refusal returned for as long as its invocation's
/// deadline allows, not a fixed number of times, so the digest is recorded once and not sent again when its lease
/// ends. Out of time, it says so in one line and leaves the group leased: the digest goes again later (a duplicate),
/// never lost.
/// </summary>
public sealed class SweepFloodTests
{
    private static readonly byte[] SweepEvent = """{"detail-type":"Scheduled Event","source":"aws.events","detail":{}}"""u8.ToArray();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly Notifier _notifier = new(RenderOptions.Default, FoldEventReader.Read);
    private readonly ScriptedStateStore _table = new();
    private readonly RecordingSink _sink = RecordingSink.Publishing("m");
    private int _calls;

    [Fact]
    public async Task A_flood_that_refuses_twelve_writes_in_a_row_still_ends_with_the_digest_recorded_once_and_sent_once()
    {
        var store = new FloodingStateStore(_table, () => FoldAsync(TimeSpan.Zero)) { Floods = 12 };
        await FoldedGroupAsync();

        var sweep = await SweepAsync(store, "sweep-1", deadline: _clock.GetUtcNow().AddMinutes(1));

        var group = Assert.Single(_table.Groups.Values);
        Assert.Equal((12, "digests:1", (string?)null), (store.Refused, sweep.StateStore, sweep.Note));
        Assert.Equal((12, (string?)null), (group.Folded, group.LeaseId)); // what folded meanwhile waits for the next digest

        _clock.Advance(DigestSweeper.Lease + TimeSpan.FromMinutes(1));
        await SweepAsync(store, "sweep-2", deadline: _clock.GetUtcNow().AddMinutes(1));
        _clock.Advance(DigestSweeper.Lease + TimeSpan.FromMinutes(1));
        await SweepAsync(store, "sweep-3", deadline: _clock.GetUtcNow().AddMinutes(1));

        Assert.Equal([1, 12], Digests());
        Assert.Equal(_calls - 1, Digests().Sum()); // every folded call in exactly one digest (the first was sent alone)
    }

    [Fact]
    public async Task A_flood_that_outlasts_the_invocation_leaves_one_line_saying_so_and_the_digest_goes_again_rather_than_being_lost()
    {
        // Each fold takes a second; the invocation has a minute.
        var store = new FloodingStateStore(_table, () => FoldAsync(TimeSpan.FromSeconds(1))) { Floods = -1 };
        await FoldedGroupAsync();
        var deadline = _clock.GetUtcNow().AddMinutes(1);

        var sweep = await SweepAsync(store, "sweep-1", deadline);

        Assert.True(_clock.GetUtcNow() >= deadline - DigestSweeper.Reserve && _clock.GetUtcNow() < deadline, $"stopped at {_clock.GetUtcNow():O}");
        Assert.Equal(store.Refused, _calls - 2);
        var key = Assert.Single(_table.Groups.Keys);
        Assert.Equal(
            $"digest of group {key} sent but not recorded ({store.Refused} writes in a row refused by calls folding meanwhile, out of time): "
            + "it goes again when its lease ends, at 2026-12-01T12:18:00Z",
            sweep.Note);
        Assert.Equal("sweep-1", _table.Groups[key].LeaseId);

        // The flood over and the lease ended, the digest goes again with all the calls folded since: one call twice, none lost.
        store.Floods = 0;
        _clock.Advance(DigestSweeper.Lease);
        var again = await SweepAsync(store, "sweep-2", deadline: _clock.GetUtcNow().AddMinutes(1));
        Assert.Equal(("digests:1", (string?)null), (again.StateStore, again.Note));
        Assert.Equal([1, _calls - 1], Digests());
        Assert.Equal((0, (string?)null), (_table.Groups[key].Folded, _table.Groups[key].LeaseId));
    }

    /// <summary>One group with its first call sent and a second folded, its window then over.</summary>
    private async Task FoldedGroupAsync()
    {
        await FoldAsync(TimeSpan.Zero);
        await FoldAsync(TimeSpan.Zero);
        Assert.Equal(1, Assert.Single(_table.Groups.Values).Folded);
        _clock.Advance(TimeSpan.FromMinutes(16));
    }

    /// <summary>A further read-only call of the group, straight on the table (a folding invocation of its own), taking <paramref name="takes"/>.</summary>
    private async Task FoldAsync(TimeSpan takes)
    {
        var id = "call-" + (++_calls).ToString(CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(FoldCallersTests.Event(FoldCallersTests.Role("scanner", "i-0a1b2c3d4e5f60718"), id, "GetSecretValue"))
            .Replace("\"readOnly\": false", "\"readOnly\": true", StringComparison.Ordinal));
        var folding = new NoiseControlSink(_sink, _table, new FoldingSettings("state", TimeSpan.FromMinutes(15), 30, null, "us-east-1"), RenderOptions.Default, _clock);
        var delivery = await folding.DeliverAsync(_notifier.Notify(bytes), new Invocation("req-" + id, null, null, bytes), CancellationToken.None).ConfigureAwait(false);
        Assert.Equal(_calls == 1 ? InvocationResultKind.Published : InvocationResultKind.Folded, delivery.Kind);
        _clock.Advance(takes);
    }

    private Task<Delivery> SweepAsync(FloodingStateStore store, string id, DateTimeOffset deadline) =>
        new DigestSweeper(_sink, store, RenderOptions.Default, _clock, perSweep: 3).SweepAsync(new Invocation(id, deadline, null, SweepEvent), CancellationToken.None);

    /// <summary>How many calls each digest sent so far counted, in order.</summary>
    private int[] Digests() =>
        [.. _sink.Received.Select(r => r.Notification.Attributes.FirstOrDefault(a => a.Name == "digest").Value).OfType<string>()
            .Select(n => int.Parse(n, CultureInfo.InvariantCulture))];
}

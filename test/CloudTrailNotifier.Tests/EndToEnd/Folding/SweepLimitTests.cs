using System.Globalization;
using System.Text;
using System.Text.Json;
using CloudTrailNotifier.Folding;
using CloudTrailNotifier.Lambda;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.State;
using CloudTrailNotifier.Tests.Folding;
using CloudTrailNotifier.Tests.Support;
using static CloudTrailNotifier.Tests.EndToEnd.Folding.SweepCalls;
using Microsoft.Extensions.Time.Testing;

namespace CloudTrailNotifier.Tests.EndToEnd.Folding;

/// <summary>
/// A sweep sends at most its limit of digests, oldest due first, and leaves the rest due (never dropped) for the next
/// sweeps; a digest due for a day goes whatever the limit; overlapping sweeps still send each digest once. Against
/// moto's DynamoDB (the due index as template.yaml makes it), the clock a FakeTimeProvider.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class SweepLimitTests(MotoServer moto)
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_backlog_beyond_the_limit_goes_out_over_the_next_sweeps_oldest_first_each_digest_once()
    {
        var store = StateTable.Store(moto, await StateTable.CreateAsync(moto, "sweep-limit-state"));
        var due = await FoldedGroupsAsync(store, 7, minutesAgo: i => 30 - i); // g0 is the oldest
        var sink = RecordingSink.Publishing("d");
        var sweeper = new DigestSweeper(sink, store, RenderOptions.Default, _clock, perSweep: 3);

        // Sweeps a minute apart, as the schedule runs them: each minute has a budget of its own.
        var first = await sweeper.SweepAsync(Sweep("s-1"), CancellationToken.None);
        var sentFirst = Sent(sink);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var second = await sweeper.SweepAsync(Sweep("s-2"), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var third = await sweeper.SweepAsync(Sweep("s-3"), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var fourth = await sweeper.SweepAsync(Sweep("s-4"), CancellationToken.None);

        Assert.Equal(due[..3], sentFirst);
        Assert.Equal(("digests:3", 4), (first.StateStore, Left(first)));
        Assert.Equal("4 due digests left for the next sweep (at most 3 a sweep)", first.Note);
        Assert.Equal(("digests:3", 1), (second.StateStore, Left(second)));
        Assert.Equal(("digests:1", 0, null), (third.StateStore, Left(third), third.Note));
        Assert.Equal("""{"digests":[]}""", Encoding.UTF8.GetString(fourth.Response));
        Assert.Equal(due, Sent(sink));

        // A digest sent late still says when its calls happened, and the group is left with nothing to send.
        var late = sink.Received.Last().Notification.Message;
        Assert.Contains("Between: 2026-12-01 11:36:00 UTC and 2026-12-01 11:36:00 UTC", late, StringComparison.Ordinal);
        foreach (var key in due)
        {
            Assert.Equal(0, (await store.ReadGroupAsync(key, null, CancellationToken.None))!.Folded);
        }
    }

    [Fact]
    public async Task Digests_due_for_a_day_go_out_whatever_the_limit_and_the_rest_wait()
    {
        var store = StateTable.Store(moto, await StateTable.CreateAsync(moto, "sweep-overdue-state"));
        var due = await FoldedGroupsAsync(store, 5, minutesAgo: i => i < 3 ? 1500 + 10 - i : 10 - i); // three due for more than a day
        var sink = RecordingSink.Publishing("d");
        var sweeper = new DigestSweeper(sink, store, RenderOptions.Default, _clock, perSweep: 1);

        var sweep = await sweeper.SweepAsync(Sweep("s-1"), CancellationToken.None);

        Assert.Equal(due[..3], Sent(sink));
        Assert.Equal(("digests:3", 2), (sweep.StateStore, Left(sweep)));
        await sweeper.SweepAsync(Sweep("s-2"), CancellationToken.None);
        Assert.Equal(due[..4], Sent(sink));
    }

    /// <summary>
    /// Two sweeps of the same minute at once, together within one limit (the minute's budget item they share), through <see cref="SerialStateStore"/>: moto's own conditional writes are
    /// not atomic against a concurrent request (test/tools/moto_conditional_race.py: two UpdateItems expecting the same
    /// version both accepted in 4 of 1,000 rounds; run bare against moto, this test's two sweeps once each claimed the
    /// same group with a PutItem on the same <c>ver</c>, 3 times in 2,400 claims, and so sent its digest twice). With
    /// every store call one at a time, as DynamoDB makes each conditional write, the sweeps still interleave between
    /// calls, where their leases must keep them apart (<c>SweepInterleavingTests</c> tries many such interleavings).
    /// </summary>
    [Fact]
    public async Task Overlapping_sweeps_together_within_the_limit_send_every_digest_exactly_once()
    {
        using var store = new SerialStateStore(StateTable.Store(moto, await StateTable.CreateAsync(moto, "sweep-overlap-state")));
        var due = await FoldedGroupsAsync(store, 6, minutesAgo: i => 20 - i);
        var sink = RecordingSink.Publishing("d");

        var sweeps = await Task.WhenAll(
            Task.Run(() => new DigestSweeper(sink, store, RenderOptions.Default, _clock, perSweep: 3).SweepAsync(Sweep("a"), CancellationToken.None)),
            Task.Run(() => new DigestSweeper(sink, store, RenderOptions.Default, _clock, perSweep: 3).SweepAsync(Sweep("b"), CancellationToken.None)));
        Assert.Equal(3, sweeps.Sum(Digests)); // the minute's budget, shared: not 3 each
        _clock.Advance(TimeSpan.FromMinutes(1));
        var next = await new DigestSweeper(sink, store, RenderOptions.Default, _clock, perSweep: 3).SweepAsync(Sweep("c"), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var after = await new DigestSweeper(sink, store, RenderOptions.Default, _clock, perSweep: 3).SweepAsync(Sweep("d"), CancellationToken.None);

        Assert.Equal(("digests:3", 0), (next.StateStore, Left(next)));
        Assert.Equal(due.Order(StringComparer.Ordinal), Sent(sink).Order(StringComparer.Ordinal));
        Assert.Equal("""{"digests":[]}""", Encoding.UTF8.GetString(after.Response));
    }

    private static int Digests(Delivery sweep) => JsonDocument.Parse(sweep.Response).RootElement.GetProperty("digests").GetArrayLength();

    /// <summary>Groups of one folded call each, due <paramref name="minutesAgo"/> minutes before now; their keys in that order.</summary>
    private async Task<string[]> FoldedGroupsAsync(IStateStore store, int count, Func<int, int> minutesAgo)
    {
        var keys = new string[count];
        for (var i = 0; i < count; i++)
        {
            var at = _clock.GetUtcNow().AddMinutes(-minutesAgo(i));
            var identity = new GroupIdentity("111122223333", "arn:aws:iam::111122223333:role/scanner", "ec2.amazonaws.com",
                "DescribeThing" + i.ToString(CultureInfo.InvariantCulture), "", "succeeded", "us-east-1");
            keys[i] = FoldEventReader.GroupKey(identity);
            var group = new GroupState(keys[i], 0, identity, at, 1, at, at, ["198.51.100.7"], ["aws-cli/2.0"], ["e-" + i.ToString(CultureInfo.InvariantCulture)],
                false, null, null, ReadOnly: "true", Severity: "info", Sessions: ["i-0a1b2c3d4e5f6071" + i.ToString(CultureInfo.InvariantCulture)]);
            Assert.True((await store.WriteGroupAsync(group, 0, null, CancellationToken.None)).Written);
        }

        // The sessions a group keeps come back from the table as written.
        Assert.Equal(["i-0a1b2c3d4e5f60710"], (await store.ReadGroupAsync(keys[0], null, CancellationToken.None))!.Sessions);
        return keys;
    }

    /// <summary>The group of each digest sent so far, in order (its event name names it).</summary>
    private static string[] Sent(RecordingSink sink) =>
        [.. sink.Received.Select(r => r.Notification.Attributes.Single(a => a.Name == "eventName").Value)
            .Select(name => FoldEventReader.GroupKey(new GroupIdentity("111122223333", "arn:aws:iam::111122223333:role/scanner", "ec2.amazonaws.com", name, "", "succeeded", "us-east-1")))];
}

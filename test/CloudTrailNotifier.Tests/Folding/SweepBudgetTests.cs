using System.Globalization;
using CloudTrailNotifier.Folding;
using CloudTrailNotifier.Lambda;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.State;
using CloudTrailNotifier.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CloudTrailNotifier.Tests.Folding;

/// <summary>
/// The sweeps' budget a minute: every sweep of a minute counts its digests in one shared counter before sending them,
/// so sweeps that overlap send at most one limit together; what is due for a day goes outside it; a counter that
/// cannot be used lets the digests go (fail open) and says so in one line. Over the in-memory store (the moto tests
/// run the same against DynamoDB's conditional UpdateItem).
/// </summary>
public sealed class SweepBudgetTests
{
    private static readonly byte[] SweepEvent = """{"detail-type":"Scheduled Event","source":"aws.events","detail":{}}"""u8.ToArray();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 12, 0, 30, TimeSpan.Zero));
    private readonly RecordingSink _sink = RecordingSink.Publishing("m");

    [Fact]
    public async Task Sweeps_of_the_same_minute_send_what_is_left_of_one_limit_between_them_and_the_next_minute_has_a_budget_of_its_own()
    {
        var store = new ScriptedStateStore();
        await FoldedGroupsAsync(store, 7, minutesAgo: i => 30 - i);

        Assert.True(await store.TakeSweepSlotAsync(_clock.GetUtcNow(), 3, null, CancellationToken.None)); // a sweep that overlaps sent one
        var first = await SweepAsync(store, "a", perSweep: 3);
        var second = await SweepAsync(store, "b", perSweep: 3);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var next = await SweepAsync(store, "c", perSweep: 3);

        Assert.Equal(("digests:2", "digests:0", "digests:3"), (first.StateStore, second.StateStore, next.StateStore));
        Assert.Equal("5 due digests left for the next sweep (at most 3 a minute, shared by overlapping sweeps)", first.Note);
        Assert.Equal("5 due digests left for the next sweep (at most 3 a minute, shared by overlapping sweeps)", second.Note);
        Assert.Equal(new Dictionary<string, int> { ["202612011200"] = 3, ["202612011201"] = 3 }, store.Swept);
        Assert.DoesNotContain(store.Groups.Values, g => g.LeaseId is not null); // the claim the spent budget refused was given back
        Assert.Equal(5, Sent());
    }

    [Fact]
    public async Task Digests_due_for_a_day_go_when_the_minute_s_budget_is_spent_and_count_nothing_in_it()
    {
        var store = new ScriptedStateStore();
        await FoldedGroupsAsync(store, 4, minutesAgo: i => i < 2 ? 1500 - i : 10 - i);
        Assert.True(await store.TakeSweepSlotAsync(_clock.GetUtcNow(), 1, null, CancellationToken.None)); // an overlapping sweep spent it

        var sweep = await SweepAsync(store, "a", perSweep: 1);

        Assert.Equal(("digests:2", 2), (sweep.StateStore, Left(sweep)));
        Assert.Equal(1, store.Swept["202612011200"]);
    }

    [Fact]
    public async Task A_budget_that_cannot_be_counted_lets_the_digests_go_and_says_so_in_one_line()
    {
        var store = new ScriptedStateStore(call => call == "Sweep" ? new StateStoreException("ProvisionedThroughputExceededException", "DynamoDB UpdateItem: rate exceeded (after 3 attempts)") : null);
        await FoldedGroupsAsync(store, 4, minutesAgo: i => 10 - i);

        var first = await SweepAsync(store, "a", perSweep: 2);
        var second = await SweepAsync(store, "b", perSweep: 2);

        Assert.Equal(("digests:2", "digests:2"), (first.StateStore, second.StateStore));
        Assert.Equal("sweep budget not counted for 2 digests, sent anyway: DynamoDB UpdateItem: rate exceeded (after 3 attempts); "
            + "2 due digests left for the next sweep (at most 2 a sweep)", first.Note);
        Assert.DoesNotContain('\n', first.Note!);
        Assert.Equal(4, Sent());
    }

    /// <summary>A sweep of its own invocation, with 20 seconds to run.</summary>
    private Task<Delivery> SweepAsync(IStateStore store, string id, int perSweep) =>
        new DigestSweeper(_sink, store, RenderOptions.Default, _clock, perSweep)
            .SweepAsync(new Invocation(id, _clock.GetUtcNow().AddSeconds(20), null, SweepEvent), CancellationToken.None);

    private async Task FoldedGroupsAsync(IStateStore store, int count, Func<int, int> minutesAgo)
    {
        for (var i = 0; i < count; i++)
        {
            var at = _clock.GetUtcNow().AddMinutes(-minutesAgo(i));
            var identity = new GroupIdentity("111122223333", "arn:aws:iam::111122223333:role/scanner", "ec2.amazonaws.com",
                "DescribeThing" + i.ToString(CultureInfo.InvariantCulture), "", "succeeded", "us-east-1");
            var group = new GroupState(FoldEventReader.GroupKey(identity), 0, identity, at, 1, at, at, ["198.51.100.7"], ["aws-cli/2.0"], ["e-" + i.ToString(CultureInfo.InvariantCulture)],
                false, null, null, ReadOnly: "true", Severity: "info");
            Assert.True((await store.WriteGroupAsync(group, 0, null, CancellationToken.None)).Written);
        }
    }

    private int Sent() => _sink.Received.Count;

    private static int Left(Delivery sweep) =>
        System.Text.Json.JsonDocument.Parse(sweep.Response).RootElement.TryGetProperty("left", out var left) ? left.GetInt32() : 0;
}

using System.Globalization;
using System.Text.Json;
using CloudTrailNotifier.Folding;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.State;
using CloudTrailNotifier.Tests.Folding;
using CloudTrailNotifier.Tests.Support;
using static CloudTrailNotifier.Tests.EndToEnd.Folding.SweepCalls;
using Microsoft.Extensions.Time.Testing;

namespace CloudTrailNotifier.Tests.EndToEnd.Folding;

/// <summary>
/// A sweep's limit is shared out by rate principal (the review's D3): one principal's backlog of folded groups no longer
/// holds back everyone else's digests; every digest still goes exactly once, none is dropped, and what is due for a day
/// goes whatever the limit. Against moto's DynamoDB (the due index as template.yaml makes it), groups folded by
/// <see cref="FoldDecider"/> from events, the clock a FakeTimeProvider.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class SweepShareTests(MotoServer moto)
{
    private const string Flooder = "arn:aws:iam::111122223333:role/scanner";
    private const string Reader = "arn:aws:iam::111122223333:role/app-reader";
    private const string Admin = "arn:aws:iam::111122223333:user/admin";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task One_principal_s_backlog_takes_turns_with_the_others_digests_which_go_in_the_first_sweep()
    {
        var store = StateTable.Store(moto, await StateTable.CreateAsync(moto, "sweep-share-state"));
        for (var i = 0; i < 7; i++)
        {
            await FoldedAsync(store, Flooder, "Flood" + i.ToString(CultureInfo.InvariantCulture), dueMinutesAgo: 30 - i);
        }

        await FoldedAsync(store, Reader, "ReaderCall", dueMinutesAgo: 10);
        await FoldedAsync(store, Admin, "AdminCall", dueMinutesAgo: 5);
        var sink = RecordingSink.Publishing("d");
        var sweeper = new DigestSweeper(sink, store, RenderOptions.Default, _clock, perSweep: 3);

        // The due index tells the principals apart from the query alone: one share for the flood's seven groups.
        var due = await store.DueGroupsAsync(_clock.GetUtcNow(), null, CancellationToken.None);
        Assert.Equal(9, due.Count);
        Assert.Equal(3, due.Select(d => d.Share).Distinct().Count());
        Assert.All(due, d => Assert.NotNull(d.Share));

        var first = await sweeper.SweepAsync(Sweep("s-1"), CancellationToken.None);
        Assert.Equal(["Flood0", "ReaderCall", "AdminCall"], Sent(sink));
        Assert.Equal(("digests:3", 6), (first.StateStore, Left(first)));
        _clock.Advance(TimeSpan.FromMinutes(1)); // sweeps a minute apart, each minute with a budget of its own
        await sweeper.SweepAsync(Sweep("s-2"), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var third = await sweeper.SweepAsync(Sweep("s-3"), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var fourth = await sweeper.SweepAsync(Sweep("s-4"), CancellationToken.None);

        Assert.Equal(["Flood0", "ReaderCall", "AdminCall", "Flood1", "Flood2", "Flood3", "Flood4", "Flood5", "Flood6"], Sent(sink));
        Assert.Equal(("digests:3", 0), (third.StateStore, Left(third)));
        Assert.Equal("digests:0", fourth.StateStore);
    }

    /// <summary>
    /// Two sweeps at once, through <see cref="SerialStateStore"/>: moto's conditional writes are not atomic against a
    /// concurrent request (see SweepLimitTests' overlapping test for the evidence), DynamoDB's are.
    /// </summary>
    [Fact]
    public async Task Overlapping_sweeps_sharing_out_their_limits_send_every_principal_s_digests_exactly_once()
    {
        using var store = new SerialStateStore(StateTable.Store(moto, await StateTable.CreateAsync(moto, "sweep-share-overlap-state")));
        var names = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            var (who, name) = i < 5 ? (Flooder, "Flood" + i.ToString(CultureInfo.InvariantCulture)) : (i == 5 ? Reader : Admin, "Other" + i.ToString(CultureInfo.InvariantCulture));
            await FoldedAsync(store, who, name, dueMinutesAgo: 20 - i);
            names.Add(name);
        }

        var sink = RecordingSink.Publishing("d");
        var sweeps = await Task.WhenAll(
            Task.Run(() => new DigestSweeper(sink, store, RenderOptions.Default, _clock, perSweep: 3).SweepAsync(Sweep("a"), CancellationToken.None)),
            Task.Run(() => new DigestSweeper(sink, store, RenderOptions.Default, _clock, perSweep: 3).SweepAsync(Sweep("b"), CancellationToken.None)));
        // Together within one limit (the minute's budget they share), and the others' digests among them, ahead of the
        // flood's backlog: a sweep tries a principal's turn before the flood's second, whatever the other sweep holds.
        Assert.Equal(3, sweeps.Sum(s => JsonDocument.Parse(s.Response).RootElement.GetProperty("digests").GetArrayLength()));
        Assert.Contains(Sent(sink), name => name.StartsWith("Other", StringComparison.Ordinal));
        for (var s = 0; s < 3; s++)
        {
            _clock.Advance(TimeSpan.FromMinutes(1));
            await new DigestSweeper(sink, store, RenderOptions.Default, _clock, perSweep: 3).SweepAsync(Sweep("c" + s), CancellationToken.None);
        }

        Assert.Equal(names.Order(StringComparer.Ordinal), Sent(sink).Order(StringComparer.Ordinal)); // each exactly once, none dropped
    }

    [Fact]
    public async Task What_is_due_for_a_day_goes_whatever_the_share_and_the_other_principals_go_next()
    {
        var store = StateTable.Store(moto, await StateTable.CreateAsync(moto, "sweep-share-overdue-state"));
        for (var i = 0; i < 3; i++)
        {
            await FoldedAsync(store, Flooder, "Old" + i.ToString(CultureInfo.InvariantCulture), dueMinutesAgo: 1500 - i);
        }

        await FoldedAsync(store, Reader, "ReaderCall", dueMinutesAgo: 10);
        await FoldedAsync(store, Admin, "AdminCall", dueMinutesAgo: 5);
        var sink = RecordingSink.Publishing("d");
        var sweeper = new DigestSweeper(sink, store, RenderOptions.Default, _clock, perSweep: 1);

        var first = await sweeper.SweepAsync(Sweep("s-1"), CancellationToken.None);

        Assert.Equal(["Old0", "Old1", "Old2"], Sent(sink));
        Assert.Equal(("digests:3", 2), (first.StateStore, Left(first)));
        await sweeper.SweepAsync(Sweep("s-2"), CancellationToken.None); // the overdue three counted nothing: this minute still has room
        _clock.Advance(TimeSpan.FromMinutes(1));
        await sweeper.SweepAsync(Sweep("s-3"), CancellationToken.None);
        Assert.Equal(["Old0", "Old1", "Old2", "ReaderCall", "AdminCall"], Sent(sink));
    }

    /// <summary>A group of <paramref name="principal"/> with one call folded (the rate guard held its first back), its digest due then.</summary>
    private async Task FoldedAsync(IStateStore store, string principal, string eventName, int dueMinutesAgo)
    {
        var window = TimeSpan.FromMinutes(15);
        var at = _clock.GetUtcNow().AddMinutes(-dueMinutesAgo) - window;
        var identity = new GroupIdentity("111122223333", principal, "ec2.amazonaws.com", eventName, "", "failed", "us-east-1");
        var evt = new FoldEvent("e-" + eventName, FoldEventReader.GroupKey(identity), identity, at, "198.51.100.7", "aws-cli/2.0", "e-" + eventName,
            ReadOnly: "true", Severity: "info", RatePrincipal: principal);
        var state = FoldDecider.Decide(null, evt, at, window, rateAllows: false, new RateGuardCause(OwnShare: true, Principals: 0)).NewState;
        Assert.Equal(1, state.Folded);
        Assert.True((await store.WriteGroupAsync(state, 0, null, CancellationToken.None)).Written);
    }

    /// <summary>The event name of each digest sent so far, in order.</summary>
    private static string[] Sent(RecordingSink sink) =>
        [.. sink.Received.Select(r => r.Notification.Attributes.Single(a => a.Name == "eventName").Value)];
}

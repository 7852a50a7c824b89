using System.Globalization;
using System.Text;
using CloudTrailNotifier.Folding;
using CloudTrailNotifier.Lambda;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.State;
using CloudTrailNotifier.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CloudTrailNotifier.Tests.Folding;

/// <summary>
/// Two sweeps at once, while further calls of the same groups fold, in hundreds of interleavings of their store calls
/// (<see cref="TurnTakingStateStore"/>: each call atomic, as DynamoDB's conditional writes are, the order drawn by a
/// seed): every folded call is in exactly one digest, the two sweeps together stay within one limit (the minute's
/// budget they share), and nothing is left leased. The
/// same runs over a store whose versioned write checks, then writes (moto's, see test/tools/moto_conditional_race.py)
/// do send a digest twice: what the fresh-clone CI run once saw came from moto, not from the sweep's lease.
/// </summary>
public sealed class SweepInterleavingTests
{
    private const int Seeds = 300;
    private const int PerSweep = 2;
    private static readonly byte[] SweepEvent = """{"detail-type":"Scheduled Event","source":"aws.events","detail":{}}"""u8.ToArray();
    private static readonly string[] Names = ["GetSecretValue", "DescribeSecret", "ListSecretVersionIds"];
    private static readonly string[] Roles = ["scanner", "app-reader"];

    [Fact]
    public async Task Overlapping_sweeps_and_calls_folding_meanwhile_count_every_folded_call_in_exactly_one_digest_whatever_the_interleaving()
    {
        var traces = new HashSet<string>(StringComparer.Ordinal);
        for (var seed = 0; seed < Seeds; seed++)
        {
            var run = await RunAsync(seed, atomic: true);

            Assert.True(run.Delivered == run.SentAlone + run.InDigests, $"seed {seed}: {run.Delivered} calls, {run.SentAlone} sent alone, {run.InDigests} in digests");
            Assert.True(run.BothSweeps <= PerSweep, $"seed {seed}: the two overlapping sweeps sent {run.BothSweeps} digests together");
            Assert.True(run.LeftOver == 0, $"seed {seed}: {run.LeftOver} folded calls or leases left");
            traces.Add(run.Trace);
        }

        // The seeds do draw different interleavings, and one seed always the same.
        Assert.True(traces.Count > Seeds / 2, $"{traces.Count} distinct interleavings in {Seeds} seeds");
        Assert.Equal((await RunAsync(7, atomic: true)).Trace, (await RunAsync(7, atomic: true)).Trace);
    }

    [Fact]
    public async Task The_same_runs_over_a_versioned_write_that_checks_then_writes_send_some_folded_calls_twice()
    {
        var twice = 0;
        for (var seed = 0; seed < Seeds; seed++)
        {
            var run = await RunAsync(seed, atomic: false);
            twice += run.SentAlone + run.InDigests > run.Delivered ? 1 : 0;
        }

        Assert.True(twice > 0, "no interleaving of a check-then-write store sent a digest twice");
    }

    /// <summary>
    /// Two calls of each of six groups (two principals), the first sent and the second folded; the windows end; then two
    /// sweeps and an invocation folding six more calls run at once; then sweeps, one after the other, drain what is due.
    /// </summary>
    private static async Task<Run> RunAsync(int seed, bool atomic)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        var table = new ScriptedStateStore();
        var turns = new TurnTakingStateStore(table, seed);
        IStateStore store = atomic ? turns : new CheckThenWriteStore(turns, table);
        var options = RenderOptions.Default;
        var settings = new FoldingSettings("state", TimeSpan.FromMinutes(15), 30, null, "us-east-1");
        var notifier = new Notifier(options, FoldEventReader.Read);
        var inner = RecordingSink.Publishing("m");
        var folding = new NoiseControlSink(inner, store, settings, options, clock);
        var delivered = 0;

        async Task DeliverAsync(int group, string id)
        {
            var bytes = Call(group, id);
            var delivery = await folding.DeliverAsync(notifier.Notify(bytes), new Invocation("req-" + id, null, null, bytes), CancellationToken.None).ConfigureAwait(false);
            Assert.Contains(delivery.Kind, (InvocationResultKind[])[InvocationResultKind.Published, InvocationResultKind.Folded]);
            delivered++;
        }

        for (var g = 0; g < 6; g++)
        {
            await DeliverAsync(g, $"first-{g}");
            await DeliverAsync(g, $"folded-{g}");
        }

        Assert.Equal(6, table.Groups.Values.Count(s => s.Folded == 1));
        clock.Advance(TimeSpan.FromMinutes(16));
        var sweeps = new Delivery[2];
        await turns.RunAsync(
            async () => sweeps[0] = await SweepAsync(inner, store, options, clock, "sweep-a").ConfigureAwait(false),
            async () => sweeps[1] = await SweepAsync(inner, store, options, clock, "sweep-b").ConfigureAwait(false),
            async () =>
            {
                for (var g = 0; g < 6; g++)
                {
                    await DeliverAsync(g, $"meanwhile-{g}").ConfigureAwait(false);
                }
            });

        var both = sweeps.Sum(s => int.Parse(s.StateStore!["digests:".Length..], CultureInfo.InvariantCulture));
        for (var drain = 0; drain < 6 && table.Groups.Values.Any(s => s.Folded > 0); drain++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            await SweepAsync(inner, store, options, clock, "drain-" + drain.ToString(CultureInfo.InvariantCulture));
        }

        var digests = inner.Received.Select(r => r.Notification).Where(n => n.Attributes.Any(a => a.Name == "digest")).ToList();
        var inDigests = digests.Sum(n => int.Parse(n.Attributes.Single(a => a.Name == "digest").Value, CultureInfo.InvariantCulture));
        var leftOver = table.Groups.Values.Sum(s => s.Folded + (s.LeaseId is null ? 0 : 1));
        return new Run(delivered, inner.Received.Count - digests.Count, inDigests, both, leftOver, string.Concat(turns.Trace));
    }

    private static Task<Delivery> SweepAsync(INotificationSink sink, IStateStore store, RenderOptions options, TimeProvider clock, string id) =>
        new DigestSweeper(sink, store, options, clock, PerSweep).SweepAsync(new Invocation(id, null, null, SweepEvent), CancellationToken.None);

    /// <summary>A read-only Secrets Manager call of group <paramref name="group"/>: one of three names, of one of two roles.</summary>
    private static byte[] Call(int group, string id) =>
        Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(FoldCallersTests.Event(FoldCallersTests.Role(Roles[group % 2], "i-0a1b2c3d4e5f60718"), id, Names[group / 2]))
            .Replace("\"readOnly\": false", "\"readOnly\": true", StringComparison.Ordinal));

    private sealed record Run(int Delivered, int SentAlone, int InDigests, int BothSweeps, int LeftOver, string Trace);
}

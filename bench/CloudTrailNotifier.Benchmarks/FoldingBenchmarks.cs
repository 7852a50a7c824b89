using BenchmarkDotNet.Attributes;
using CloudTrailNotifier.Folding;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.State;

namespace CloudTrailNotifier.Benchmarks;

/// <summary>
/// The CPU that noise control adds to one event, apart from its two DynamoDB round trips: reading the fold facts,
/// the never-fold predicate, the pure decision and the conditional PutItem's JSON.
/// </summary>
[MemoryDiagnoser]
public class FoldingBenchmarks
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(900);
    private byte[] _event = [];
    private Notification _notification = null!;
    private GroupState _open = null!;

    [GlobalSetup]
    public void Setup()
    {
        _event = File.ReadAllBytes(RenderBenchmarks.FindSeedEvent());
        _notification = new Notifier(RenderOptions.Default).Notify(_event);
        var evt = FoldEventReader.Read(_event)!;
        _open = FoldDecider.Decide(null, evt, DateTimeOffset.UnixEpoch, Window, rateAllows: true).NewState with { Version = 1 };
    }

    [Benchmark]
    public int FoldOneEvent()
    {
        var evt = FoldEventReader.Read(_event)!;
        if (FoldingPolicy.IsUnfoldable(_notification))
        {
            return 0;
        }

        var decision = FoldDecider.Decide(_open, evt, DateTimeOffset.UnixEpoch.AddSeconds(10), Window, rateAllows: true);
        var body = DynamoJson.Request(w =>
        {
            w.WriteString("TableName", "state");
            w.WriteStartObject("Item");
            GroupItem.Write(w, decision.NewState, TimeSpan.FromDays(2));
            w.WriteEndObject();
        });
        return body.Length;
    }
}

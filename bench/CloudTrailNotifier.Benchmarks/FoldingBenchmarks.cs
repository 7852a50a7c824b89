using BenchmarkDotNet.Attributes;
using CloudTrailNotifier.Aws;
using CloudTrailNotifier.Folding;
using CloudTrailNotifier.Lambda;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Resilience;
using CloudTrailNotifier.State;

namespace CloudTrailNotifier.Benchmarks;

/// <summary>
/// The CPU that noise control adds to one event, apart from the network: the whole path through
/// <see cref="NoiseControlSink"/>, the state store and the AWSSDK.DynamoDBv2 client (marshalling, SigV4 signing,
/// unmarshalling), answered in process by <see cref="CannedDynamoDb"/>, in front of a sink that does nothing. A first
/// event makes four calls (claim, open the window, rate counter, done), a folded one four (claim, open refused with
/// the group returned, fold, done). <see cref="FoldDecision"/> alone is the pure part.
/// </summary>
[MemoryDiagnoser]
public class FoldingBenchmarks
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(900);
    private byte[] _event = [];
    private Notification _notification = null!;
    private GroupState _open = null!;
    private NoiseControlSink _first = null!;
    private NoiseControlSink _folded = null!;
    private Invocation _invocation = null!;
    private readonly List<IDisposable> _owned = [];

    [GlobalSetup]
    public void Setup()
    {
        _event = File.ReadAllBytes(RenderBenchmarks.FindSeedEvent());
        _notification = new Notifier(RenderOptions.Default, FoldEventReader.Read).Notify(_event);
        var evt = FoldEventReader.Read(_event)!;
        _open = FoldDecider.Decide(null, evt, DateTimeOffset.UtcNow, Window, rateAllows: true).NewState with { Version = 1 };
        _invocation = new Invocation("bench", null, null, _event);
        _first = Sink(new CannedDynamoDb(null));
        _folded = Sink(new CannedDynamoDb(_open));
        Expect(_first, InvocationResultKind.Published, "recorded");
        Expect(_folded, InvocationResultKind.Folded, "folded");
    }

    [GlobalCleanup]
    public void Cleanup() => _owned.ForEach(o => o.Dispose());

    [Benchmark]
    public int FoldDecision()
    {
        var evt = FoldEventReader.Read(_event)!;
        return FoldingPolicy.IsUnfoldable(_notification)
            ? -1
            : (int)FoldDecider.Decide(_open, evt, DateTimeOffset.UtcNow, Window, rateAllows: true).Kind;
    }

    [Benchmark]
    public async Task<int> FirstEvent() => (int)(await _first.DeliverAsync(_notification, _invocation, CancellationToken.None)).Kind;

    [Benchmark]
    public async Task<int> FoldedEvent() => (int)(await _folded.DeliverAsync(_notification, _invocation, CancellationToken.None)).Kind;

    /// <summary>A benchmark of the fail-open path would measure the wrong thing: check each path once first.</summary>
    private void Expect(NoiseControlSink sink, InvocationResultKind kind, string stateStore)
    {
        var delivery = sink.DeliverAsync(_notification, _invocation, CancellationToken.None).GetAwaiter().GetResult();
        if (delivery.Kind != kind || delivery.StateStore != stateStore)
        {
            throw new InvalidOperationException($"expected {kind}/{stateStore}, got {delivery.Kind}/{delivery.StateStore}: {delivery.Note}");
        }
    }

    private NoiseControlSink Sink(CannedDynamoDb answers)
    {
        var http = new HttpClient(answers);
        var client = DynamoDbClients.Create(http, AwsCredentialsSource.Fixed("AKIDBENCH", "bench-secret"), new Uri("http://127.0.0.1:1/"), "us-east-1", TimeSpan.FromSeconds(2));
        _owned.Add(http);
        _owned.Add(client);
        var calls = new DynamoDbCalls(client, new RetryStrategy(RetryStrategyOptions.StateStore(() => 0.5), TimeProvider.System), TimeProvider.System);
        var settings = new FoldingSettings("state", Window, 1_000_000, null, "us-east-1");
        return new NoiseControlSink(new NothingSink(), new DynamoStateStore(calls, "state"), settings, RenderOptions.Default, TimeProvider.System);
    }
}

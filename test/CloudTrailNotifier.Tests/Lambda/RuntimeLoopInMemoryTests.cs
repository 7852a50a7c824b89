using System.Text.Json;
using CloudTrailNotifier.Lambda;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Sns;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Lambda;

/// <summary>The runtime loop with the Runtime API and the sink in memory.</summary>
public sealed class RuntimeLoopInMemoryTests
{
    [Fact]
    public async Task A_failed_publish_of_a_successful_call_logs_the_call_as_succeeded_and_the_invocation_as_failed()
    {
        var api = new InMemoryRuntimeApi();
        var sink = RecordingSink.Throwing(new SnsPublishException(new SnsFailure(SnsFailureKind.Throttled, "Throttling", 400, "Rate exceeded"), "Rate exceeded", 5));
        var (log, run, stop) = Start(api, sink);

        api.Enqueue(new Invocation("req-failed", null, null, RepositoryFiles.SampleEvent));
        var report = await api.NextReportAsync();
        await stop();

        Assert.Equal((RuntimeReportKind.Error, "req-failed", "Sns.Throttling"), (report.Kind, report.RequestId, report.ErrorTypeHeader));
        var line = JsonDocument.Parse(Assert.Single(log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))).RootElement;
        Assert.Equal("succeeded", line.GetProperty("apiCallOutcome").GetString());
        Assert.Equal("failed", line.GetProperty("invocationResult").GetString());
        Assert.Equal("ERROR", line.GetProperty("level").GetString());
        Assert.False(line.TryGetProperty("outcome", out _), "the ambiguous field name is back");
        await run;
    }

    [Fact]
    public async Task A_publish_with_unknown_message_id_is_a_success_logged_as_a_warning()
    {
        var api = new InMemoryRuntimeApi();
        var sink = new RecordingSink((_, _) => new Delivery(InvocationResultKind.PublishedMessageIdUnknown, """{"messageId":null}"""u8.ToArray(), null, "SNS answered HTTP 200 but its answer was cut off; MessageId unknown"));
        var (log, run, stop) = Start(api, sink);

        api.Enqueue(new Invocation("req-unknown", null, "Root=1-trace", RepositoryFiles.SampleEvent));
        var report = await api.NextReportAsync();
        await stop();

        Assert.Equal((RuntimeReportKind.Response, """{"messageId":null}"""), (report.Kind, report.Body));
        var line = JsonDocument.Parse(log.ToString().Trim()).RootElement;
        Assert.Equal(("WARN", "published-message-id-unknown"), (line.GetProperty("level").GetString(), line.GetProperty("invocationResult").GetString()));
        Assert.EndsWith("MessageId unknown", line.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.False(line.TryGetProperty("messageId", out _));
        Assert.Single(sink.Received);
        await run;
    }

    private static (StringWriter Log, Task Run, Func<Task> Stop) Start(InMemoryRuntimeApi api, INotificationSink sink)
    {
        var log = new StringWriter();
        var handler = new InvocationHandler(new Notifier(RenderOptions.Default).Notify, sink);
        var cts = new CancellationTokenSource();
        var loop = new RuntimeLoop(api, handler, new InvocationLog(log, TimeProvider.System), TimeProvider.System, (_, _) => { });
        var run = Task.Run(() => loop.RunAsync(cts.Token));
        return (log, run, async () =>
        {
            await cts.CancelAsync();
            await run.WaitAsync(TimeSpan.FromSeconds(10));
            cts.Dispose();
        });
    }
}

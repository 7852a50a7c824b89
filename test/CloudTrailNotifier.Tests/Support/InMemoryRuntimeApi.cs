using System.Text;
using System.Threading.Channels;
using CloudTrailNotifier.Lambda;

namespace CloudTrailNotifier.Tests.Support;

/// <summary>The Runtime API in memory: tests queue invocations and read what the loop reported, with no HTTP at all.</summary>
internal sealed class InMemoryRuntimeApi : IRuntimeApi
{
    private readonly Channel<Invocation> _invocations = Channel.CreateUnbounded<Invocation>();
    private readonly Channel<RuntimeReport> _reports = Channel.CreateUnbounded<RuntimeReport>();

    public void Enqueue(Invocation invocation) => _invocations.Writer.TryWrite(invocation);

    public async Task<RuntimeReport> NextReportAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _reports.Reader.ReadAsync(cts.Token);
    }

    public Task<Invocation> NextAsync(CancellationToken cancellationToken) => _invocations.Reader.ReadAsync(cancellationToken).AsTask();

    public Task PostResponseAsync(string requestId, byte[] body, CancellationToken cancellationToken) =>
        Report(new RuntimeReport(RuntimeReportKind.Response, requestId, Encoding.UTF8.GetString(body), null, DateTimeOffset.UtcNow));

    public Task PostErrorAsync(string requestId, FunctionError error, CancellationToken cancellationToken) =>
        Report(new RuntimeReport(RuntimeReportKind.Error, requestId, Encoding.UTF8.GetString(error.ToJson()), error.ErrorType, DateTimeOffset.UtcNow));

    private Task Report(RuntimeReport report)
    {
        _reports.Writer.TryWrite(report);
        return Task.CompletedTask;
    }
}

using System.Globalization;
using System.Net;
using System.Text;
using System.Threading.Channels;

namespace CloudTrailNotifier.Tests.Support;

/// <summary>
/// The Lambda Runtime API endpoints (next, response, error, init error) on a loopback port: tests queue
/// invocations and read back what the runtime reported. <c>next</c> waits while nothing is queued, as the real one does.
/// </summary>
internal sealed class FakeRuntimeApi : IAsyncDisposable
{
    private readonly Channel<QueuedInvocation> _invocations = Channel.CreateUnbounded<QueuedInvocation>();
    private readonly Channel<RuntimeReport> _reports = Channel.CreateUnbounded<RuntimeReport>();
    private readonly LoopbackHttpServer _server;

    public FakeRuntimeApi() => _server = LoopbackHttpServer.Start(HandleAsync);

    /// <summary>The value for AWS_LAMBDA_RUNTIME_API.</summary>
    public string Address => _server.Authority;

    public void Enqueue(string requestId, byte[] body, DateTimeOffset deadline, string? traceId = null) =>
        _invocations.Writer.TryWrite(new QueuedInvocation(requestId, body, deadline, traceId));

    /// <summary>The next response, error or init error the runtime posted.</summary>
    public async Task<RuntimeReport> NextReportAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        return await _reports.Reader.ReadAsync(cts.Token);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(HttpListenerContext context, CancellationToken stopping)
    {
        var path = context.Request.Url!.AbsolutePath;
        var response = context.Response;
        if (context.Request.HttpMethod == "GET" && path == "/2018-06-01/runtime/invocation/next")
        {
            var invocation = await _invocations.Reader.ReadAsync(stopping);
            response.Headers["Lambda-Runtime-Aws-Request-Id"] = invocation.RequestId;
            response.Headers["Lambda-Runtime-Deadline-Ms"] = invocation.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            response.Headers["Lambda-Runtime-Invoked-Function-Arn"] = $"arn:aws:lambda:{MotoServer.Region}:{MotoServer.AccountId}:function:notifier";
            if (invocation.TraceId is not null)
            {
                response.Headers["Lambda-Runtime-Trace-Id"] = invocation.TraceId;
            }

            await LoopbackHttpServer.WriteAsync(response, 200, Encoding.UTF8.GetString(invocation.Body), "application/json");
            return;
        }

        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(stopping);
        var errorType = context.Request.Headers["Lambda-Runtime-Function-Error-Type"];
        const string prefix = "/2018-06-01/runtime/invocation/";
        RuntimeReport? report = null;
        if (context.Request.HttpMethod == "POST" && path == "/2018-06-01/runtime/init/error")
        {
            report = new RuntimeReport(RuntimeReportKind.InitError, null, body, errorType, DateTimeOffset.UtcNow);
        }
        else if (context.Request.HttpMethod == "POST" && path.StartsWith(prefix, StringComparison.Ordinal))
        {
            var rest = path[prefix.Length..].Split('/');
            if (rest.Length == 2 && rest[1] is "response" or "error")
            {
                var kind = rest[1] == "response" ? RuntimeReportKind.Response : RuntimeReportKind.Error;
                report = new RuntimeReport(kind, Uri.UnescapeDataString(rest[0]), body, errorType, DateTimeOffset.UtcNow);
            }
        }

        if (report is null)
        {
            await LoopbackHttpServer.WriteAsync(response, 404, "{\"errorMessage\":\"unknown path\"}", "application/json");
            return;
        }

        _reports.Writer.TryWrite(report);
        await LoopbackHttpServer.WriteAsync(response, 202, "{\"status\":\"OK\"}", "application/json");
    }

    private sealed record QueuedInvocation(string RequestId, byte[] Body, DateTimeOffset Deadline, string? TraceId);
}

internal enum RuntimeReportKind
{
    Response,
    Error,
    InitError,
}

/// <summary>What the runtime posted: the kind, the request it was about, the body and the error-type header.</summary>
internal sealed record RuntimeReport(RuntimeReportKind Kind, string? RequestId, string Body, string? ErrorTypeHeader, DateTimeOffset ReceivedAt);
